/**
 * Halo's OAuth2 client-credentials flow. The auth server is HALO_AUTH_URL when set, else what
 * `GET <base>/api/authinfo` names (hosted Halo may run it on another host), else `<base>/auth`.
 * Tokens are renewed ahead of `expires_in` (a minute early, or 10 % of a short lifetime) and once
 * on a 401 (see http.ts). Neither the secret nor a token ever reaches an error message.
 */
import { isHostedHalo, normalizeAuthUrl, type HaloEndpoint } from './endpoint.js';
import { HaloApiError } from './errors.js';
import { summarizeBody } from './excerpt.js';
import type { HttpCore, TokenSource } from './http.js';
import type { Clock } from './types.js';

export interface AuthServer {
  /** e.g. `https://acme.halopsa.com/auth` (the token endpoint is `<authUrl>/token`). */
  authUrl: string;
  tenant: string | undefined;
  /** How it was found, for `doctor`. */
  source: 'HALO_AUTH_URL' | 'authinfo' | 'default';
}

const RENEW_MARGIN_MS = 60_000;
/** Used only if Halo omits `expires_in`: short, so a wrong guess costs a renewal, not a failure. */
const FALLBACK_LIFETIME_MS = 300_000;

function record(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

export class TokenProvider implements TokenSource {
  private current: { token: string; renewAt: number } | undefined;
  private pending: Promise<string> | undefined;
  private server: Promise<AuthServer> | undefined;
  /** Every token issued to this client, so excerpts can be scrubbed of them. */
  readonly issued: string[] = [];

  constructor(
    private readonly endpoint: HaloEndpoint,
    private readonly core: HttpCore,
    private readonly clock: Clock,
  ) {}

  token(): Promise<string> {
    if (this.current && this.clock.now() < this.current.renewAt) return Promise.resolve(this.current.token);
    // One token request at a time, however many reads are waiting for it.
    this.pending ??= this.fetchToken().finally(() => (this.pending = undefined));
    return this.pending;
  }

  invalidate(token: string): void {
    if (this.current?.token === token) this.current = undefined;
  }

  authServer(): Promise<AuthServer> {
    // Discovered once; a failed discovery is tried again on the next call.
    this.server ??= this.discover().catch((error: unknown) => {
      this.server = undefined;
      throw error;
    });
    return this.server;
  }

  private async discover(): Promise<AuthServer> {
    const { baseUrl, tenant, authUrl } = this.endpoint;
    if (authUrl) return { authUrl, tenant, source: 'HALO_AUTH_URL' };
    const fallback: AuthServer = { authUrl: `${baseUrl}/auth`, tenant, source: 'default' };
    let text: string;
    try {
      text = (await this.core.send({ method: 'GET', url: `${baseUrl}/api/authinfo`, label: '/api/authinfo', idempotent: true })).text;
    } catch (error) {
      // No discovery document (older or self-hosted Halo): fall back. Outages and network errors are real.
      if (error instanceof HaloApiError && error.status !== undefined && error.status >= 400 && error.status < 500) return fallback;
      throw error;
    }
    let info: Record<string, unknown> | undefined;
    try {
      info = record(JSON.parse(text));
    } catch {
      info = undefined;
    }
    const discovered = nonEmptyString(info?.auth_url);
    if (!discovered || !URL.canParse(discovered, `${baseUrl}/`)) return fallback;
    return {
      authUrl: normalizeAuthUrl(new URL(discovered, `${baseUrl}/`).href),
      tenant: tenant ?? nonEmptyString(info?.tenant_id),
      source: 'authinfo',
    };
  }

  private async fetchToken(): Promise<string> {
    const server = await this.authServer();
    const label = `${server.authUrl}/token`;
    const url = server.tenant ? `${label}?tenant=${encodeURIComponent(server.tenant)}` : label;
    const body = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: this.endpoint.clientId,
      client_secret: this.endpoint.clientSecret,
      scope: 'all',
    }).toString();
    const requestedAt = this.clock.now();
    let text: string;
    try {
      const headers = { 'content-type': 'application/x-www-form-urlencoded' };
      text = (await this.core.send({ method: 'POST', url, label, headers, body, idempotent: true })).text;
    } catch (error) {
      throw this.explain(error, label);
    }
    let answer: Record<string, unknown> | undefined;
    try {
      answer = record(JSON.parse(text));
    } catch {
      answer = undefined;
    }
    const token = nonEmptyString(answer?.access_token);
    if (!token) {
      const { excerpt } = summarizeBody(text, null, [this.endpoint.clientSecret]);
      throw new HaloApiError('POST', label, 200, excerpt, {
        message: `Halo's token endpoint POST ${label} answered without an access_token${excerpt ? `: ${excerpt}` : ''} (is HALO_AUTH_URL right?)`,
      });
    }
    const expiresIn = Number(answer?.expires_in);
    const lifetimeMs = Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn * 1000 : FALLBACK_LIFETIME_MS;
    this.issued.push(token);
    this.current = { token, renewAt: requestedAt + lifetimeMs - Math.min(RENEW_MARGIN_MS, lifetimeMs * 0.1) };
    return token;
  }

  /** Turns a token-endpoint failure into a sentence that says what to check. */
  private explain(error: unknown, label: string): unknown {
    if (!(error instanceof HaloApiError) || error.status === undefined) return error;
    const hosted = isHostedHalo(this.endpoint.baseUrl)
      ? ' On hosted Halo also check HALO_TENANT (the tenant shown under Configuration > Integrations > Halo API > API Details) and HALO_AUTH_URL (the Authorisation Server shown there).'
      : '';
    const rejected = error.status === 401 || (error.status === 400 && /^(invalid_client|unauthorized_client|invalid_grant)$/.test(error.reason ?? ''));
    if (rejected) {
      return new HaloApiError('POST', label, error.status, error.excerpt, {
        reason: error.reason,
        message:
          `Halo rejected the client id/secret (POST ${label}: ${error.status}${error.reason ? ` ${error.reason}` : ''}): ` +
          `check HALO_CLIENT_ID / HALO_CLIENT_SECRET (a Client Credentials application in Configuration > Integrations > Halo API).${hosted}`,
      });
    }
    if (error.status === 404 || error.status === 405) {
      return new HaloApiError('POST', label, error.status, error.excerpt, {
        message: `Halo has no token endpoint at ${label} (${error.status}): set HALO_AUTH_URL to the Authorisation Server URL from Configuration > Integrations > Halo API > API Details.${hosted}`,
      });
    }
    return error;
  }
}
