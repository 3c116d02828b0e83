/**
 * Google's JSON error envelope (Directory API v1 style):
 * `{"error":{"code":N,"message":"…","errors":[{"message":"…","domain":"global","reason":"…"}]}}`.
 * Handlers throw `GoogleFailure`; the server turns it into this body. `status`/`details` appear only
 * on the errors where Google sends them (401 and insufficient scopes).
 */

export type GoogleReason =
  | 'badRequest'
  | 'invalid'
  | 'invalidParameter'
  | 'notFound'
  | 'forbidden'
  | 'authError'
  | 'insufficientPermissions'
  | 'rateLimitExceeded'
  | 'userRateLimitExceeded'
  | 'backendError'
  | 'internalError'
  | 'methodNotAllowed';

export interface GoogleFailureExtras {
  location?: string;
  locationType?: 'header' | 'parameter';
  status?: string;
  details?: unknown[];
  headers?: Record<string, string>;
  /** errors[0].message when it differs from error.message (as for insufficient scopes). */
  itemMessage?: string;
}

export class GoogleFailure extends Error {
  constructor(
    readonly status: number,
    readonly reason: GoogleReason,
    message: string,
    readonly extras: GoogleFailureExtras = {},
  ) {
    super(message);
  }

  body(): unknown {
    const item: Record<string, unknown> = { message: this.extras.itemMessage ?? this.message, domain: 'global', reason: this.reason };
    if (this.extras.location) item.location = this.extras.location;
    if (this.extras.locationType) item.locationType = this.extras.locationType;
    const error: Record<string, unknown> = { code: this.status, message: this.message, errors: [item] };
    if (this.extras.status) error.status = this.extras.status;
    if (this.extras.details) error.details = this.extras.details;
    return { error };
  }
}

export const fail = {
  badRequest: () => new GoogleFailure(400, 'badRequest', 'Bad Request'),
  invalidQuery: () => new GoogleFailure(400, 'invalid', 'Invalid query'),
  invalidInput: (what: string) => new GoogleFailure(400, 'invalid', `Invalid Input: ${what}`),
  invalidFields: (selection: string) =>
    new GoogleFailure(400, 'invalidParameter', `Invalid field selection ${selection}`, { location: 'fields', locationType: 'parameter' }),
  notFound: (what: 'userKey' | 'groupKey' | 'memberKey' | 'customerKey') => new GoogleFailure(404, 'notFound', `Resource Not Found: ${what}`),
  routeNotFound: () => new GoogleFailure(404, 'notFound', 'Not Found'),
  forbidden: () => new GoogleFailure(403, 'forbidden', 'Not Authorized to access this resource/api'),
  readOnly: (method: string) =>
    new GoogleFailure(405, 'methodNotAllowed', `Method ${method} is not allowed: the sandbox Directory API is read-only`),
  invalidCredentials: () =>
    new GoogleFailure(401, 'authError', 'Invalid Credentials', {
      location: 'Authorization',
      locationType: 'header',
      status: 'UNAUTHENTICATED',
      headers: { 'www-authenticate': 'Bearer realm="https://accounts.google.com/", error="invalid_token"' },
    }),
  insufficientScopes: (method: string) =>
    new GoogleFailure(403, 'insufficientPermissions', 'Request had insufficient authentication scopes.', {
      itemMessage: 'Insufficient Permission',
      status: 'PERMISSION_DENIED',
      details: [
        {
          '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
          reason: 'ACCESS_TOKEN_SCOPE_INSUFFICIENT',
          domain: 'googleapis.com',
          metadata: { service: 'admin.googleapis.com', method },
        },
      ],
    }),
  rateLimit: () => new GoogleFailure(429, 'rateLimitExceeded', 'Rate Limit Exceeded'),
  userRateLimit: () => new GoogleFailure(403, 'userRateLimitExceeded', 'User Rate Limit Exceeded'),
  internal: () => new GoogleFailure(500, 'internalError', 'Internal Error'),
  /** Google's transient failure; 503 unless a scripted fault asks for another status. */
  backendError: (status = 503) => new GoogleFailure(status, 'backendError', 'Service unavailable. Please try again'),
};
