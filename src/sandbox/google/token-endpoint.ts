/**
 * `POST /token`: the sandbox's stand-in for https://oauth2.googleapis.com/token. Grants:
 * - `refresh_token` (client_id, client_secret, refresh_token: any non-empty values are accepted),
 *   the flow of google-auth-library's OAuth2Client / UserRefreshClient with `endpoints.oauth2TokenUrl`;
 * - `urn:ietf:params:oauth:grant-type:jwt-bearer` with a delegated JWT `assertion`: the claims are
 *   decoded and checked (iss, scope, aud, iat/exp) and `sub` is recorded, but the signature is NOT
 *   verified (the sandbox has no service-account public keys).
 * Errors use Google's OAuth JSON `{error, error_description}`; `simulate.googleTokenError` forces one.
 */
import type { SeedSimulate } from '../seed-types.js';
import { DEFAULT_GRANTED_SCOPES } from './auth.js';
import type { TokenStore } from './auth.js';
import { delegationRefusal } from './delegation.js';

export const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
/** Audiences Google accepts for the delegated JWT; the sandbox also accepts its own `/token` URL. */
const GOOGLE_AUDIENCES = ['https://oauth2.googleapis.com/token', 'https://www.googleapis.com/oauth2/v4/token', 'https://accounts.google.com/o/oauth2/token'];

export interface TokenEndpointContext {
  tokens: TokenStore;
  simulate: SeedSimulate;
  lifetimeSeconds: number;
  clock: () => number;
  /** The sandbox's own token URL, e.g. http://127.0.0.1:4000/token. */
  tokenUrl: string;
  /** Domain used in admin_policy_enforced's text when the grant names no subject. */
  defaultDomain: string;
}

export interface TokenReply {
  status: number;
  body: Record<string, unknown>;
}

const oauthError = (status: number, error: string, description: string): TokenReply => ({
  status,
  body: { error, error_description: description },
});

export function parseTokenBody(raw: string, contentType: string | undefined): URLSearchParams {
  if (contentType?.includes('application/json')) {
    try {
      const json = JSON.parse(raw) as Record<string, unknown>;
      return new URLSearchParams(Object.entries(json).map(([k, v]): [string, string] => [k, String(v)]));
    } catch {
      return new URLSearchParams();
    }
  }
  return new URLSearchParams(raw);
}

export function handleTokenRequest(form: URLSearchParams, ctx: TokenEndpointContext): TokenReply {
  const grantType = form.get('grant_type');
  if (!grantType) return oauthError(400, 'invalid_request', 'Required parameter is missing: grant_type');
  if (grantType === 'refresh_token') return refreshGrant(form, ctx);
  if (grantType === JWT_BEARER) return jwtGrant(form, ctx);
  return oauthError(400, 'unsupported_grant_type', `Invalid grant_type: ${grantType}`);
}

function refreshGrant(form: URLSearchParams, ctx: TokenEndpointContext): TokenReply {
  if (!form.get('client_id')) return oauthError(400, 'invalid_request', 'Could not determine client ID from request.');
  if (!form.get('client_secret')) return oauthError(400, 'invalid_request', 'client_secret is missing.');
  if (!form.get('refresh_token')) return oauthError(400, 'invalid_request', 'Missing required parameter: refresh_token');
  const simulated = simulatedError(ctx, 'refresh', undefined);
  if (simulated) return simulated;
  const asked = (form.get('scope') ?? '').split(' ').filter(Boolean);
  const scopes = asked.length > 0 ? asked : [...DEFAULT_GRANTED_SCOPES];
  const token = ctx.tokens.mint(scopes, undefined, ctx.lifetimeSeconds);
  return {
    status: 200,
    body: { access_token: token, expires_in: ctx.lifetimeSeconds, scope: scopes.join(' '), token_type: 'Bearer' },
  };
}

function decodeJwtPayload(assertion: string): Record<string, unknown> | undefined {
  const parts = assertion.split('.');
  if (parts.length !== 3 || parts.some((p) => p === '')) return undefined;
  try {
    const header = JSON.parse(Buffer.from(parts[0] as string, 'base64url').toString('utf8')) as unknown;
    const payload = JSON.parse(Buffer.from(parts[1] as string, 'base64url').toString('utf8')) as unknown;
    if (!header || typeof header !== 'object' || !payload || typeof payload !== 'object') return undefined;
    return payload as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

function jwtGrant(form: URLSearchParams, ctx: TokenEndpointContext): TokenReply {
  const assertion = form.get('assertion');
  if (!assertion) return oauthError(400, 'invalid_request', 'Missing required parameter: assertion');
  const claims = decodeJwtPayload(assertion);
  if (!claims) return oauthError(400, 'invalid_grant', 'Invalid JWT: not a signed JWT (header.payload.signature).');
  const { iss, scope, aud, sub, iat, exp } = claims;
  if (typeof iss !== 'string' || !iss.includes('@')) {
    return oauthError(400, 'invalid_grant', 'Invalid JWT: No valid verifier found for issuer.');
  }
  if (typeof scope !== 'string' || scope.trim() === '') {
    return oauthError(400, 'invalid_scope', 'Invalid OAuth scope or ID token audience provided.');
  }
  if (typeof aud !== 'string' || ![...GOOGLE_AUDIENCES, ctx.tokenUrl].includes(aud)) {
    return oauthError(400, 'invalid_grant', 'Invalid JWT: Failed audience check.');
  }
  const now = ctx.clock() / 1000;
  const issuedAt = typeof iat === 'number' ? iat : now;
  const timely = typeof exp === 'number' && exp > now && exp - issuedAt <= 3600 && issuedAt <= now + 300;
  if (!timely) {
    return oauthError(
      400,
      'invalid_grant',
      'Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim.',
    );
  }
  const subject = typeof sub === 'string' && sub !== '' ? sub : undefined;
  const simulated = simulatedError(ctx, 'jwt', subject);
  if (simulated) return simulated;
  const notDelegated = delegationRefusal(ctx.simulate, scope);
  if (notDelegated) return notDelegated;
  const token = ctx.tokens.mint(scope.split(' ').filter(Boolean), subject, ctx.lifetimeSeconds);
  return { status: 200, body: { access_token: token, expires_in: ctx.lifetimeSeconds, token_type: 'Bearer' } };
}

/** The OAuth error a badly set-up tenant would give, with Google's status and wording. */
function simulatedError(ctx: TokenEndpointContext, grant: 'refresh' | 'jwt', subject: string | undefined): TokenReply | undefined {
  switch (ctx.simulate.googleTokenError) {
    case undefined:
      return undefined;
    case 'unauthorized_client':
      return oauthError(
        401,
        'unauthorized_client',
        'Client is unauthorized to retrieve access tokens using this method, or client not authorized for any of the scopes requested.',
      );
    case 'admin_policy_enforced': {
      const domain = subject?.includes('@') ? subject.slice(subject.lastIndexOf('@') + 1) : ctx.defaultDomain;
      return oauthError(
        400,
        'admin_policy_enforced',
        `Access to your account data is restricted by policies within your organization. Please contact the administrator for ${domain} for more information.`,
      );
    }
    case 'invalid_grant':
      return oauthError(400, 'invalid_grant', grant === 'refresh' ? 'Token has been expired or revoked.' : 'Invalid grant: account not found');
    case 'access_denied':
      return oauthError(400, 'access_denied', 'Requested client not authorized.');
  }
}
