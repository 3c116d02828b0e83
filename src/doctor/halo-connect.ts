/**
 * Halo, first two checks: the URL answers at all (any HTTP answer counts), and the API
 * application's client id/secret get a token. Failures become the sentence a user acts on: the
 * URL that did not answer and why, the variables to check, the hosted-tenant hint.
 */
import type { Config } from '../config/types.js';
import { ApiError } from '../diagnostics/errors.js';
import { createHaloClient, isHostedHalo, type AuthServer, type HaloClient } from '../halo/index.js';
import { haloTenant, haloUrlSetting } from '../halo/endpoint.js';
import { classifyNetworkError, errorCode } from '../halo/http.js';
import { check, type DoctorCheck } from './types.js';

export type Env = Record<string, string | undefined>;

export interface HaloProbeOptions {
  fetch?: typeof fetch;
  /** Per request; default 15 s (doctor should answer quickly, not wait out a dead host). */
  timeoutMs?: number;
}

const URL_FIX = 'set halo.url in the config (or HALO_URL) to the address you open Halo at, e.g. https://acme.halopsa.com (without /api)';
const HALO_API_APPS = 'Configuration › Integrations › Halo API › View Applications';

function hostedHint(baseUrl: string, env: Env, config: Config): string {
  if (!isHostedHalo(baseUrl)) return '';
  const tenant = haloTenant(config, env);
  const authUrl = env.HALO_AUTH_URL?.trim();
  return (
    `\nOn hosted Halo also check the tenant${tenant ? ` (now "${tenant}")` : ' (HALO_TENANT or halo.tenant, not set)'} and HALO_AUTH_URL${authUrl ? '' : ' (not set)'}` +
    ' against Configuration › Integrations › Halo API › API Details (Tenant, Authorisation Server).'
  );
}

function networkFix(code: string | undefined, baseUrl: string): string {
  if (code && /CERT|TLS|SSL|SELF_SIGNED|UNABLE_TO/.test(code)) {
    return `Node does not trust ${new URL(baseUrl).host}'s TLS certificate: if Halo uses a private CA, point NODE_EXTRA_CA_CERTS at its certificate file`;
  }
  if (code === 'ECONNREFUSED') return `nothing answers at ${baseUrl}: check the host and port in halo.url / HALO_URL (for the sandbox: is \`halo-sync sandbox\` still running?)`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `the host name does not resolve: ${URL_FIX}`;
  return `check the address, and any proxy or firewall between this machine and Halo: ${URL_FIX}`;
}

export async function checkHaloUrl(config: Config, env: Env, options: HaloProbeOptions): Promise<{ check: DoctorCheck; baseUrl?: string }> {
  const { baseUrl, from } = haloUrlSetting(config, env);
  const title = 'Halo URL reachable';
  if (!baseUrl) return { check: check('halo.url', title, 'fail', `${from} is not an http(s) URL`, { fix: URL_FIX }) };
  const timeoutMs = options.timeoutMs ?? 15_000;
  try {
    const response = await (options.fetch ?? globalThis.fetch)(`${baseUrl}/api/authinfo`, { signal: AbortSignal.timeout(timeoutMs) });
    await response.body?.cancel();
    return { baseUrl, check: check('halo.url', title, 'ok', `${baseUrl} answers (from ${from})`) };
  } catch (error) {
    const { detail } = classifyNetworkError(error, timeoutMs);
    return { check: check('halo.url', title, 'fail', `cannot reach ${baseUrl} (from ${from}): ${detail}`, { fix: networkFix(errorCode(error), baseUrl) }) };
  }
}

function describeServer(server: AuthServer): string {
  const where = server.source === 'HALO_AUTH_URL' ? 'from HALO_AUTH_URL' : server.source === 'authinfo' ? 'from /api/authinfo' : 'the default';
  return `client credentials; auth server ${server.authUrl} (${where}); tenant ${server.tenant ?? '(none)'}`;
}

const REJECTED = /^(invalid_client|unauthorized_client|invalid_grant)$/;

function tokenFailure(error: unknown, baseUrl: string, env: Env, config: Config): DoctorCheck {
  const title = 'Halo token';
  const hint = hostedHint(baseUrl, env, config);
  if (error instanceof ApiError && error.path.endsWith('/token')) {
    if (error.status === 401 || (error.status === 400 && REJECTED.test(error.reason ?? ''))) {
      return check('halo.token', title, 'fail', `Halo rejected HALO_CLIENT_ID/HALO_CLIENT_SECRET (POST ${error.path}: ${error.status}${error.reason ? ` ${error.reason}` : ''})`, {
        fix: `use the client id and secret of a Halo API application with authentication method "Client ID and Secret (Services)" (${HALO_API_APPS}); Halo shows a secret only once, so make a new one if in doubt${hint}`,
      });
    }
    if (error.status === 404 || error.status === 405) {
      return check('halo.token', title, 'fail', `no token endpoint at ${error.path} (${error.status})`, {
        fix: `set HALO_AUTH_URL to the Authorisation Server URL from Configuration › Integrations › Halo API › API Details${hint}`,
      });
    }
  }
  const message = error instanceof Error ? error.message : String(error);
  return check('halo.token', title, 'fail', message, { fix: `check that ${baseUrl} is your Halo instance and that its API is enabled${hint}` });
}

export interface TokenOutcome {
  check: DoctorCheck;
  client?: HaloClient;
}

export async function checkHaloToken(config: Config, env: Env, baseUrl: string, options: HaloProbeOptions): Promise<TokenOutcome> {
  const missing = ['HALO_CLIENT_ID', 'HALO_CLIENT_SECRET'].filter((name) => !env[name]?.trim());
  if (missing.length > 0) {
    return {
      check: check('halo.token', 'Halo token', 'fail', `${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not set`, {
        fix: `set ${missing.join(' and ')} to the client id and secret of a Halo API application using Client Credentials (${HALO_API_APPS})`,
      }),
    };
  }
  let client: HaloClient;
  try {
    client = createHaloClient({
      config,
      env,
      ...(options.fetch ? { fetch: options.fetch } : {}),
      timeoutMs: options.timeoutMs ?? 15_000,
      // A diagnosis, not a sync: one retry for a blip, then report.
      retry: { maxRetries: 1, baseDelayMs: 500, maxElapsedMs: 20_000 },
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { check: check('halo.token', 'Halo token', 'fail', message.split('\n').join('; '), { fix: 'correct the Halo environment variables named above' }) };
  }
  try {
    const server = await client.authServer();
    // Any authenticated request makes the client fetch a token; authinfo is the cheapest one.
    await client.getJson('/api/authinfo');
    return { client, check: check('halo.token', 'Halo token', 'ok', `obtained (${describeServer(server)})`) };
  } catch (error) {
    return { check: tokenFailure(error, baseUrl, env, config) };
  }
}
