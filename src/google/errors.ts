/**
 * The one error boundary of the Google client: whatever the library throws (GaxiosError from an
 * API call, an OAuth token-exchange failure, a network error, a credentials problem) becomes an
 * ApiError carrying Google's status, `errors[0].reason` (or the OAuth `error` code) and message,
 * with the customer or group it concerned. Never the request itself: its headers hold the token.
 */
import { ApiError } from '../diagnostics/errors.js';
import { htmlText, looksLikeHtml } from '../diagnostics/html.js';
import { redactSecrets } from '../diagnostics/redact.js';

/** 403 reasons that mean "slow down", not "forbidden" (Google's limits page). */
export const RATE_LIMIT_REASONS = new Set(['userRateLimitExceeded', 'rateLimitExceeded', 'quotaExceeded']);
/** Transient reasons GAM retries on, whatever the status. */
const TRANSIENT_REASONS = new Set(['backendError', 'badGateway', 'gatewayTimeout', 'internalError', 'transientError']);

/** OAuth error codes doctor maps to fixes (RFC 6749 + Google's admin_policy_enforced). */
export const OAUTH_ERROR_CODES = ['unauthorized_client', 'admin_policy_enforced', 'invalid_grant', 'access_denied', 'invalid_client', 'invalid_scope'];

export interface GoogleCall {
  method: string;
  /** API path, e.g. `/admin/directory/v1/users`. */
  path: string;
  /** Prefixed to the message, e.g. `customer C0abc` or `group staff@acme.com`. */
  subject?: string;
  /** Values that must never appear in a message (the static token). */
  secrets?: ReadonlyArray<string | undefined>;
}

interface LooseError {
  message?: unknown;
  code?: unknown;
  status?: unknown;
  config?: unknown;
  response?: { status?: unknown; data?: unknown; config?: { url?: unknown } };
}

const EXCERPT_LIMIT = 300;

/** Google's words for an ApiError: one line, secrets redacted, at most EXCERPT_LIMIT characters, after the subject. */
export function excerpt(text: string, call: GoogleCall): string {
  const clean = redactSecrets(text.replace(/\s+/g, ' ').trim(), call.secrets ?? []);
  const short = clean.length > EXCERPT_LIMIT ? `${clean.slice(0, EXCERPT_LIMIT)}…` : clean;
  return call.subject ? `${call.subject}: ${short}` : short;
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function isTransientStatus(status: number | undefined): boolean {
  return status === 408 || status === 429 || (status !== undefined && status >= 500);
}

function tokenPath(url: unknown): string {
  try {
    return new URL(String(url)).pathname;
  } catch {
    return '/token';
  }
}

export function toGoogleApiError(raw: unknown, call: GoogleCall): ApiError {
  if (raw instanceof ApiError) return raw;
  const error = (asRecord(raw) ?? {}) as LooseError;
  const message = typeof error.message === 'string' ? error.message : String(raw);
  const response = asRecord(error.response) as LooseError['response'];
  const status = typeof response?.status === 'number' ? response.status : typeof error.status === 'number' ? error.status : undefined;

  if (response) {
    const data = typeof response.data === 'string' ? safeJson(response.data) : response.data;
    const body = asRecord(data);
    // OAuth token endpoint: {"error": "unauthorized_client", "error_description": "…"}.
    if (body && typeof body.error === 'string') {
      const description = typeof body.error_description === 'string' ? `: ${body.error_description}` : '';
      return new ApiError('Google', 'POST', tokenPath(response.config?.url), status, excerpt(`OAuth token request refused: ${body.error}${description}`, call), {
        reason: body.error,
        retryable: isTransientStatus(status),
      });
    }
    // Directory API: {"error": {"code", "message", "errors": [{"reason", "message"}]}}.
    const googleError = asRecord(body?.error);
    const errors = Array.isArray(googleError?.errors) ? googleError.errors : [];
    const reason = typeof asRecord(errors[0])?.reason === 'string' ? (asRecord(errors[0])?.reason as string) : undefined;
    const text = typeof googleError?.message === 'string' ? googleError.message : typeof response.data === 'string' ? pageText(response.data) : message;
    const retryable = isTransientStatus(status) || (reason !== undefined && (RATE_LIMIT_REASONS.has(reason) || TRANSIENT_REASONS.has(reason)));
    return new ApiError('Google', call.method, call.path, status, excerpt(text, call), { reason, retryable });
  }

  // No response: a request that never got an answer (refused, reset, timed out) is transient;
  // anything else (no credentials found, a bad key) is not.
  const code = typeof error.code === 'string' ? error.code : undefined;
  const network = error.config !== undefined || (code !== undefined && !LOCAL_FILE_ERRORS.has(code) && /^(E[A-Z]+|UND_ERR_[A-Z_]+|ABORT_ERR)$/.test(code));
  const text = network
    ? `network error${code ? ` (${code})` : ''}: ${message}`
    : /Could not load the default credentials/i.test(message)
      ? `no Google credentials found: set GOOGLE_APPLICATION_CREDENTIALS (a service-account key) and GOOGLE_ADMIN_SUBJECT, or GOOGLE_ACCESS_TOKEN (${message})`
      : message;
  return new ApiError('Google', call.method, call.path, undefined, excerpt(text, call), { reason: code, retryable: network });
}

/** File-system codes (a credential file that is missing or unreadable): setup problems, never retried. */
const LOCAL_FILE_ERRORS = new Set(['ENOENT', 'ENOTDIR', 'EISDIR', 'EACCES', 'EPERM', 'ELOOP', 'ENAMETOOLONG']);

/** An HTML error page (a proxy's 502) as its title, not kilobytes of markup pasted into plans. */
function pageText(text: string): string {
  if (!looksLikeHtml(text)) return text;
  const clean = htmlText(text);
  return `an HTML page${clean ? ` ("${clean.slice(0, 120)}")` : ''} instead of Google's error JSON`;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
