/**
 * The sandbox's Halo API server (node:http): Halo's wire formats, state seeded from
 * `SandboxSeed.halo` and kept in memory, optional fault injection. halo-sync's real Halo client
 * runs against it unchanged.
 *
 * Every /api and /auth request goes through the same pipeline: rate limiter → latency → injected
 * error → authentication (`/api/authinfo` and `/auth/token` are open) → simulated permission
 * failure → the endpoint → (POST) lost response. `/_sandbox/stats` (GET, DELETE) and
 * `/_sandbox/state` (GET) are open, uncounted, and never faulted. Test controls, open too:
 * `POST /_sandbox/faults/off` switches the seed's random faults off (errors, lost responses, the
 * rate limiter, latency: a test checks convergence on a healthy Halo afterwards), and
 * `GET /_sandbox/tokens` lists every access token issued (secret scanners look for them in output).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SandboxSeed, SeedFaults, SeedSimulate } from '../seed-types.js';
import type { RunningServer } from '../server-types.js';
import { TokenIssuer, type Clock } from './auth.js';
import { FaultInjector, RollingWindowLimiter } from './faults.js';
import { BodyTooLargeError, problem, Query, QueryError, readBody, sendEmpty, sendJson, sendText, VALIDATION_TITLE } from './http.js';
import { ListCache, type ApiReply } from './reads.js';
import { handleApi, resolveRoute, type Route } from './routes.js';
import { HaloState } from './state.js';
import { SCRIPTED_FAULTS_PATH, ScriptedFaults } from './scripted-faults.js';
import { StatsRecorder } from './stats.js';

export { MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE } from './reads.js';

export const DEFAULT_HALO_CLIENT_ID = 'sandbox';
export const DEFAULT_HALO_CLIENT_SECRET = 'sandbox';
export const DEFAULT_TOKEN_LIFETIME_SECONDS = 3600;

export interface HaloSandboxOptions {
  halo?: SandboxSeed['halo'];
  faults?: SeedFaults;
  simulate?: SeedSimulate;
  /** 0 or absent: a free port. */
  port?: number;
  /** Default 127.0.0.1 (loopback only). */
  host?: string;
  /** Milliseconds since the epoch; drives token expiry and the rate limiter's window (tests advance it). */
  clock?: Clock;
}

export interface HaloSandbox extends RunningServer {
  /** The tenant's current records, rendered as the API returns them (same as `GET /_sandbox/state`). */
  state(): Record<string, unknown>;
}

export async function startHaloSandbox(options: HaloSandboxOptions = {}): Promise<HaloSandbox> {
  const clock = options.clock ?? Date.now;
  const state = HaloState.fromSeed(options.halo);
  const tokens = new TokenIssuer(
    {
      clientId: options.halo?.clientId ?? DEFAULT_HALO_CLIENT_ID,
      clientSecret: options.halo?.clientSecret ?? DEFAULT_HALO_CLIENT_SECRET,
      lifetimeSeconds: options.halo?.tokenLifetimeSeconds ?? DEFAULT_TOKEN_LIFETIME_SECONDS,
    },
    clock,
  );
  const limit = options.faults?.haloRateLimit;
  let limiter = limit ? new RollingWindowLimiter(limit.requests, limit.windowSeconds, clock) : undefined;
  let faults = new FaultInjector(options.faults);
  const forbidden = (options.simulate?.haloForbiddenPaths ?? []).map((p) => p.toLowerCase().replace(/\/+$/, ''));
  const stats = new StatsRecorder();
  const cache = new ListCache();
  const scripted = new ScriptedFaults(); // test-control hook: POST /_sandbox/faults (scripted-faults.ts)

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    const method = (req.method ?? 'GET').toUpperCase();
    const path = url.pathname.toLowerCase();
    if (path === SCRIPTED_FAULTS_PATH) return scripted.control(method, req, res);
    if (path === '/_sandbox' || path.startsWith('/_sandbox/')) return handleSandboxRoute(method, path, res);
    const route = resolveRoute(method, url.pathname);
    const reply = (r: ApiReply) => {
      stats.record(route.endpoint, r.status);
      sendReply(res, r);
    };
    let body: string;
    try {
      body = await readBody(req);
    } catch (error) {
      if (!(error instanceof BodyTooLargeError)) throw error;
      return reply({ status: 413, body: problem(413, 'Payload Too Large', { $: [error.message] }), headers: { Connection: 'close' } });
    }
    if (!/^\/(api|auth)(\/|$)/.test(path)) return reply({ status: 404, body: { Message: `No such endpoint: ${url.pathname}` } });

    const admission = limiter?.admit() ?? { ok: true as const };
    if (!admission.ok) {
      stats.fault('rateLimited');
      return reply({ status: 429, body: admission.message, headers: { 'Retry-After': String(admission.retryAfterSeconds) } });
    }
    if (faults.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, faults.latencyMs));
    const injected = faults.drawError();
    if (injected) {
      stats.fault('error');
      stats.record(route.endpoint, injected.status);
      return sendText(res, injected.status, injected.body, injected.contentType);
    }
    const aimed = scripted.drawStatus(route.endpoint, body);
    if (aimed) {
      stats.fault('error');
      return reply({ status: aimed.status, body: aimed.body, ...(aimed.contentType ? { headers: { 'Content-Type': aimed.contentType } } : {}) });
    }
    const outcome = answer(route, method, url, req, body);
    if (outcome.committed && method === 'POST' && (scripted.drawLoss(route.endpoint, body) || faults.drawLostResponse())) {
      // The write happened; the client never hears about it (it must re-read before retrying).
      stats.fault('lostResponse');
      stats.record(route.endpoint, undefined);
      req.socket.destroy();
      return;
    }
    reply(outcome.reply);
  }

  function answer(route: Route, method: string, url: URL, req: IncomingMessage, body: string): { reply: ApiReply; committed: boolean } {
    const done = (r: ApiReply) => ({ reply: r, committed: false });
    if (route.kind === 'token') {
      if (method !== 'POST') return done({ status: 405, body: { error: 'invalid_request' }, headers: { Allow: 'POST' } });
      return done(tokens.issue(body, req.headers['content-type'], req.headers.authorization));
    }
    if (route.kind === 'authinfo') {
      const base = req.headers.host ? `http://${req.headers.host}` : server.url;
      return done({ status: 200, body: { auth_url: `${base}/auth`, tenant_id: null, auth_type: 'oauth2' } });
    }
    const verdict = tokens.verify(req.headers.authorization);
    if (!verdict.ok) return done({ status: 401, headers: { 'WWW-Authenticate': verdict.wwwAuthenticate } });
    if (route.kind === 'unknown') return done({ status: 404, body: { Message: `No such endpoint: ${url.pathname}` } });
    const lower = url.pathname.toLowerCase().replace(/\/+$/, '');
    if (forbidden.some((p) => lower === p || lower.startsWith(`${p}/`))) {
      return done({ status: 403, body: problem(403, 'Forbidden', { $: [`The API application is not permitted to access ${url.pathname}.`] }) });
    }
    try {
      return handleApi(route, method, new Query(url.searchParams), body, state, cache);
    } catch (error) {
      if (!(error instanceof QueryError)) throw error;
      return done({ status: 400, body: problem(400, VALIDATION_TITLE, { [error.parameter]: [error.message] }) });
    }
  }

  function handleSandboxRoute(method: string, path: string, res: ServerResponse): void {
    if (path === '/_sandbox/stats' && method === 'GET') return sendJson(res, 200, stats.snapshot());
    if (path === '/_sandbox/stats' && method === 'DELETE') {
      stats.reset();
      return sendEmpty(res, 204);
    }
    if (path === '/_sandbox/state' && method === 'GET') return sendJson(res, 200, state.snapshot());
    if (path === '/_sandbox/faults/off' && method === 'POST') {
      limiter = undefined;
      faults = new FaultInjector({});
      return sendEmpty(res, 204);
    }
    if (path === '/_sandbox/tokens' && method === 'GET') return sendJson(res, 200, { tokens: tokens.issued() });
    sendJson(res, 404, { Message: `No such sandbox endpoint: ${method} ${path} (try GET /_sandbox/stats, DELETE /_sandbox/stats, GET /_sandbox/state, POST /_sandbox/faults/off, GET /_sandbox/tokens)` });
  }

  const httpServer = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      // A bug in the sandbox: answer 500 rather than crash the server the user is testing against.
      if (!res.headersSent) sendJson(res, 500, { Message: `sandbox internal error: ${(error as Error).message}` });
      else res.destroy();
    });
  });
  const server = await listen(httpServer, options.port ?? 0, options.host ?? '127.0.0.1');
  return {
    ...server,
    stats: () => stats.snapshot(),
    resetStats: () => stats.reset(),
    state: () => state.snapshot(),
  };
}

function sendReply(res: ServerResponse, reply: ApiReply): void {
  if (reply.body === undefined) return sendEmpty(res, reply.status, reply.headers);
  if (typeof reply.body === 'string') return sendText(res, reply.status, reply.body, undefined, reply.headers);
  sendJson(res, reply.status, reply.body, reply.headers);
}

async function listen(
  httpServer: ReturnType<typeof createServer>,
  port: number,
  host: string,
): Promise<{ url: string; port: number; close(): Promise<void> }> {
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(port, host, () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  const address = httpServer.address() as AddressInfo;
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${address.port}`,
    port: address.port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        httpServer.close((error) => (error ? reject(error) : resolve()));
        httpServer.closeAllConnections();
      }),
  };
}
