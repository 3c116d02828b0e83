/**
 * Halo's authorisation server, sandbox edition: `POST /auth/token` with the client-credentials
 * grant (form-encoded, as every Halo client sends it), opaque bearer tokens that expire after
 * `expires_in` seconds by an injectable clock, and the 401s the resource server gives.
 */
import { randomBytes } from 'node:crypto';
import type { ApiReply } from './reads.js';

export type Clock = () => number;

export interface TokenSettings {
  clientId: string;
  clientSecret: string;
  lifetimeSeconds: number;
}

export type Verdict = { ok: true } | { ok: false; wwwAuthenticate: string };

export class TokenIssuer {
  private readonly tokens = new Map<string, number>();
  /** Every token ever issued, expired ones included (for tests that scan output for leaks). */
  private readonly everIssued: string[] = [];

  constructor(
    private readonly settings: TokenSettings,
    private readonly clock: Clock,
  ) {}

  /** Answers a token request (`body` is the raw request body). */
  issue(body: string, contentType: string | undefined, authorization: string | undefined): ApiReply {
    if (!/^application\/x-www-form-urlencoded/i.test(contentType ?? '')) {
      return oauthError(400, 'invalid_request', 'The token request must be form-encoded (application/x-www-form-urlencoded).');
    }
    const form = new URLSearchParams(body);
    const grantType = form.get('grant_type');
    if (!grantType) return oauthError(400, 'invalid_request', 'grant_type is required.');
    if (grantType !== 'client_credentials') return oauthError(400, 'unsupported_grant_type', `Only client_credentials is supported, got ${grantType}.`);
    const basic = parseBasic(authorization);
    const clientId = form.get('client_id') ?? basic?.id;
    const clientSecret = form.get('client_secret') ?? basic?.secret;
    if (clientId !== this.settings.clientId || clientSecret !== this.settings.clientSecret) {
      return { status: 401, body: { error: 'invalid_client' } };
    }
    const now = this.clock();
    for (const [token, expiresAt] of this.tokens) if (expiresAt <= now) this.tokens.delete(token);
    const token = randomBytes(24).toString('base64url');
    this.tokens.set(token, now + this.settings.lifetimeSeconds * 1000);
    this.everIssued.push(token);
    const scope = form.get('scope') ?? 'all';
    return {
      status: 200,
      body: { access_token: token, token_type: 'Bearer', expires_in: this.settings.lifetimeSeconds, scope },
      headers: { 'Cache-Control': 'no-store' },
    };
  }

  issued(): string[] {
    return [...this.everIssued];
  }

  /** Checks an `Authorization` header the way an ASP.NET JWT bearer handler answers. */
  verify(authorization: string | undefined): Verdict {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
    if (!match?.[1]) return { ok: false, wwwAuthenticate: 'Bearer' };
    const expiresAt = this.tokens.get(match[1]);
    if (expiresAt === undefined) return { ok: false, wwwAuthenticate: 'Bearer error="invalid_token"' };
    if (expiresAt <= this.clock()) {
      return { ok: false, wwwAuthenticate: 'Bearer error="invalid_token", error_description="The token expired"' };
    }
    return { ok: true };
  }
}

function oauthError(status: number, error: string, description: string): ApiReply {
  return { status, body: { error, error_description: description } };
}

function parseBasic(authorization: string | undefined): { id: string; secret: string } | undefined {
  const match = /^Basic\s+(\S+)$/i.exec(authorization ?? '');
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { id: decodeURIComponent(decoded.slice(0, colon)), secret: decodeURIComponent(decoded.slice(colon + 1)) };
}
