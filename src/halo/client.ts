/**
 * The Halo client: one object holding the endpoint, the token, the rate budget and the request core,
 * with JSON helpers the snapshot reader, the writers and the lookups share. Nothing here talks to
 * Halo until the first request (construction only checks the settings, all problems at once).
 */
import { TokenProvider, type AuthServer } from './auth.js';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './backoff.js';
import { resolveHaloEndpoint, type HaloConfigPart, type HaloEndpoint } from './endpoint.js';
import { HttpCore } from './http.js';
import { parseJson } from './parse.js';
import { RateBudget, resolveRateLimit, type RateLimit } from './rate-budget.js';
import { realSleep, systemClock, type Clock, type ProgressListener, type Sleep } from './types.js';

export interface HaloClientOptions {
  /** The config's `halo` section (`url`, `tenant`); HALO_URL / HALO_TENANT override it. */
  config: HaloConfigPart;
  env: Record<string, string | undefined>;
  fetch?: typeof fetch;
  clock?: Clock;
  sleep?: Sleep;
  /** For backoff jitter; injectable so tests are reproducible. */
  random?: () => number;
  /** Client-side budget; default HALO_RATE_LIMIT, else hosted Halo's 300 requests / 300 s. `off` disables it. */
  rateLimit?: RateLimit | 'off';
  retry?: Partial<RetryPolicy>;
  /** Per request, including reading the body. Default 100 s. */
  timeoutMs?: number;
  /** Records per POST for batched upserts. Default 100. */
  batchSize?: number;
  onProgress?: ProgressListener;
}

export type Query = Record<string, string | number | boolean | undefined>;

export interface HaloClientStats {
  /** HTTP requests sent, including token and discovery requests and retries. */
  requests: number;
  retries: number;
  rateLimitWaits: number;
  rateLimitWaitMs: number;
}

export interface HaloClient {
  readonly endpoint: Omit<HaloEndpoint, 'clientSecret'>;
  readonly rateLimit: RateLimit | 'off';
  readonly batchSize: number;
  readonly onProgress: ProgressListener | undefined;
  getJson(path: string, query?: Query): Promise<unknown>;
  /** `idempotent`: every record carries an id (an update), so a failure that may have reached Halo is retried. */
  postJson(path: string, body: unknown, options: { idempotent: boolean }): Promise<unknown>;
  /** Where tokens come from (discovered on first use), for `doctor`. */
  authServer(): Promise<AuthServer>;
  stats(): HaloClientStats;
}

export const DEFAULT_BATCH_SIZE = 100;
export const DEFAULT_TIMEOUT_MS = 100_000;

export function queryString(query: Query | undefined): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) if (value !== undefined) params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function createHaloClient(options: HaloClientOptions): HaloClient {
  const endpoint = resolveHaloEndpoint(options.config, options.env);
  const clock = options.clock ?? systemClock;
  const sleep = options.sleep ?? realSleep;
  const rateLimit = resolveRateLimit(options.rateLimit, options.env);
  const waits = { count: 0, ms: 0 };
  const budget =
    rateLimit === 'off'
      ? undefined
      : new RateBudget(rateLimit, clock, sleep, (waitMs) => {
          waits.count += 1;
          waits.ms += waitMs;
          options.onProgress?.({ type: 'rate-wait', waitMs, requests: rateLimit.requests, windowSeconds: rateLimit.windowSeconds });
        });
  const core: HttpCore = new HttpCore({
    fetch: options.fetch ?? globalThis.fetch,
    clock,
    sleep,
    random: options.random ?? Math.random,
    budget,
    retry: { ...DEFAULT_RETRY_POLICY, ...options.retry },
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    // Called only while requests run, after `auth` below exists.
    secrets: (): string[] => [endpoint.clientSecret, ...auth.issued],
    onProgress: options.onProgress,
  });
  const auth: TokenProvider = new TokenProvider(endpoint, core, clock);

  async function request(method: 'GET' | 'POST', path: string, query: Query | undefined, body: unknown, idempotent: boolean) {
    const label = `${path}${queryString(query)}`;
    const raw = await core.send({
      method,
      url: `${endpoint.baseUrl}${label}`,
      label,
      headers: body === undefined ? undefined : { 'content-type': 'application/json; charset=utf-8' },
      body: body === undefined ? undefined : JSON.stringify(body),
      idempotent,
      auth,
    });
    return parseJson(raw.text, raw.contentType, { method, path: label }, raw.status);
  }

  const { clientSecret: _secret, ...publicEndpoint } = endpoint;
  return {
    endpoint: publicEndpoint,
    rateLimit,
    batchSize: Math.max(1, Math.floor(options.batchSize ?? DEFAULT_BATCH_SIZE)),
    onProgress: options.onProgress,
    getJson: (path, query) => request('GET', path, query, undefined, true),
    postJson: (path, body, { idempotent }) => request('POST', path, undefined, body, idempotent),
    authServer: () => auth.authServer(),
    stats: () => ({ requests: core.requests, retries: core.retries, rateLimitWaits: waits.count, rateLimitWaitMs: waits.ms }),
  };
}
