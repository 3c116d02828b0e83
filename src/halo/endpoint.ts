/**
 * Where Halo is and who we are: base URL, tenant, client credentials and an optional explicit auth
 * server, from the environment first and the config second (DESIGN.md "Environment"). Secrets only
 * ever come from the environment.
 */
import { HaloSyncError } from '../diagnostics/errors.js';

export interface HaloEndpoint {
  /** Base URL without a trailing `/` or `/api`, e.g. `https://acme.halopsa.com`. */
  baseUrl: string;
  tenant: string | undefined;
  clientId: string;
  clientSecret: string;
  /** `HALO_AUTH_URL` when set; otherwise discovered from `/api/authinfo`. */
  authUrl: string | undefined;
}

export interface HaloConfigPart {
  halo: { url: string; tenant?: string };
}

/** A Halo setting a user can fix (missing credentials, a malformed URL); names what to change. */
export class HaloSetupError extends HaloSyncError {}

export function normalizeBaseUrl(url: string): string {
  let out = url.trim();
  while (out.endsWith('/')) out = out.slice(0, -1);
  if (out.toLowerCase().endsWith('/api')) out = out.slice(0, -4);
  while (out.endsWith('/')) out = out.slice(0, -1);
  return out;
}

/** An auth server URL given as `https://host/auth`, `…/auth/` or `…/auth/token` → `https://host/auth`. */
export function normalizeAuthUrl(url: string): string {
  let out = url.trim();
  while (out.endsWith('/')) out = out.slice(0, -1);
  if (out.toLowerCase().endsWith('/token')) out = out.slice(0, -6);
  while (out.endsWith('/')) out = out.slice(0, -1);
  return out;
}

/** Halo-hosted instances, where the auth server and tenant often differ from the app URL. */
export function isHostedHalo(baseUrl: string): boolean {
  try {
    const host = new URL(baseUrl).hostname.toLowerCase();
    return ['halopsa.com', 'haloitsm.com', 'haloservicedesk.com', 'halocrm.io', 'halocrm.co.uk'].some(
      (domain) => host === domain || host.endsWith(`.${domain}`),
    );
  } catch {
    return false;
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

export interface HaloUrlSetting {
  /** What was set, as written; undefined when neither HALO_URL nor halo.url is. */
  raw: string | undefined;
  from: 'HALO_URL' | 'halo.url';
  /** normalizeBaseUrl(raw), or undefined when that is not an http(s) URL. */
  baseUrl: string | undefined;
}

/** The Halo URL: HALO_URL, else halo.url in the config. */
export function haloUrlSetting(config: HaloConfigPart, env: Record<string, string | undefined>): HaloUrlSetting {
  const fromEnv = nonEmpty(env.HALO_URL);
  const raw = fromEnv ?? nonEmpty(config.halo.url);
  const from = fromEnv ? 'HALO_URL' : 'halo.url';
  if (!raw) return { raw, from, baseUrl: undefined };
  const baseUrl = normalizeBaseUrl(raw);
  return { raw, from, baseUrl: /^https?:\/\/[^/]/i.test(baseUrl) && URL.canParse(baseUrl) ? baseUrl : undefined };
}

/** The Halo tenant: HALO_TENANT, else halo.tenant in the config. */
export function haloTenant(config: HaloConfigPart, env: Record<string, string | undefined>): string | undefined {
  return nonEmpty(env.HALO_TENANT) ?? nonEmpty(config.halo.tenant);
}

/** All problems at once, so a user fixes their environment in one go. */
export function resolveHaloEndpoint(config: HaloConfigPart, env: Record<string, string | undefined>): HaloEndpoint {
  const problems: string[] = [];
  const url = haloUrlSetting(config, env);
  if (!url.raw) problems.push('no Halo URL: set halo.url in the config or the HALO_URL environment variable');
  else if (!url.baseUrl) problems.push(`Halo URL "${url.raw}" is not an http(s) URL (from ${url.from})`);
  const clientId = nonEmpty(env.HALO_CLIENT_ID);
  const clientSecret = nonEmpty(env.HALO_CLIENT_SECRET);
  const missing = [clientId ? undefined : 'HALO_CLIENT_ID', clientSecret ? undefined : 'HALO_CLIENT_SECRET'].filter(Boolean);
  if (missing.length > 0) {
    problems.push(
      `missing Halo API credentials: set ${missing.join(' and ')} (the client id and secret of a Halo API application ` +
        'using Client Credentials, from Configuration > Integrations > Halo API)',
    );
  }
  const authUrl = nonEmpty(env.HALO_AUTH_URL);
  if (authUrl && !URL.canParse(authUrl)) problems.push(`HALO_AUTH_URL "${authUrl}" is not a URL`);
  if (problems.length > 0) throw new HaloSetupError(problems.join('\n'));
  return {
    baseUrl: url.baseUrl as string,
    tenant: haloTenant(config, env),
    clientId: clientId as string,
    clientSecret: clientSecret as string,
    authUrl: authUrl ? normalizeAuthUrl(authUrl) : undefined,
  };
}
