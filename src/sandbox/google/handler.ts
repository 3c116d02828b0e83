/**
 * The request pipeline of the Google sandbox: stats endpoint, token endpoint, then Directory routes
 * (latency → fault draw → bearer/scope check → simulated non-admin → fault → `fields` check →
 * route → partial response). Every response except the stats endpoint is counted.
 * Test controls (open, uncounted): `/_sandbox/faults` scripted answers (scripted.ts),
 * `POST /_sandbox/faults/off` switches the seed's random faults off, `GET /_sandbox/tokens` lists
 * the tokens `POST /token` minted (secret scanners look for them in output).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SeedSimulate } from '../seed-types.js';
import { authorize } from './auth.js';
import type { TokenStore } from './auth.js';
import { fail, GoogleFailure } from './errors.js';
import type { FaultInjector } from './faults.js';
import { applyFieldMask, checkFieldMask, parseFieldMask } from './fields-mask.js';
import type { Route, RouteContext } from './route-types.js';
import { SCRIPTED_PATH, ScriptedAnswers } from './scripted.js';
import type { StatsRecorder } from './stats.js';
import { handleTokenRequest, parseTokenBody } from './token-endpoint.js';
import type { TokenEndpointContext } from './token-endpoint.js';

export interface HandlerDeps {
  routes: readonly Route[];
  context: Omit<RouteContext, 'params'>;
  tokens: TokenStore;
  tokenContext: () => TokenEndpointContext;
  faults: FaultInjector;
  stats: StatsRecorder;
  simulate: SeedSimulate;
}

const STATS_PATH = '/_sandbox/stats';

function send(res: ServerResponse, status: number, body: unknown, pretty: boolean, headers: Record<string, string> = {}): void {
  const text = body === undefined ? '' : JSON.stringify(body, null, pretty ? 2 : undefined);
  res.writeHead(status, {
    ...(body === undefined ? {} : { 'content-type': 'application/json; charset=UTF-8' }),
    'cache-control': 'no-cache, no-store, max-age=0, must-revalidate',
    ...headers,
  });
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Google's error for a scripted status: its usual error for that status, else a backendError. */
const SCRIPTED_FAILURES: Record<number, () => GoogleFailure> = {
  400: fail.badRequest,
  403: fail.forbidden,
  404: fail.routeNotFound,
  429: fail.rateLimit,
  500: fail.internal,
};

function scriptedFailure(status: number): GoogleFailure {
  return SCRIPTED_FAILURES[status]?.() ?? fail.backendError(status);
}

export function createHandler(deps: HandlerDeps): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const scripted = new ScriptedAnswers();
  return async (req, res) => {
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
    const path = url.pathname;

    if (path === SCRIPTED_PATH) return scripted.control(method, req, res);
    if (path === '/_sandbox/faults/off' && method === 'POST') {
      deps.faults.off();
      return send(res, 204, undefined, false);
    }
    if (path === '/_sandbox/tokens' && method === 'GET') return send(res, 200, { tokens: deps.tokens.issued() }, true);

    if (path === STATS_PATH) {
      if (method === 'GET') return send(res, 200, deps.stats.snapshot(), true);
      if (method === 'DELETE') {
        deps.stats.reset();
        return send(res, 204, undefined, false);
      }
      return send(res, 405, { error: 'method not allowed: GET or DELETE' }, true, { allow: 'GET, DELETE' });
    }

    const body = await readBody(req);
    if (deps.faults.latencyMs > 0) await sleep(deps.faults.latencyMs);

    if (path === '/token') {
      const reply =
        method === 'POST'
          ? handleTokenRequest(parseTokenBody(body, req.headers['content-type']), deps.tokenContext())
          : { status: 405, body: { error: 'invalid_request', error_description: 'The token endpoint takes POST.' } };
      deps.stats.record(`${method} /token`, reply.status);
      return send(res, reply.status, reply.body, true, { pragma: 'no-cache' });
    }

    const pretty = url.searchParams.get('prettyPrint') !== 'false';
    const route = deps.routes.find((r) => r.pattern.test(path));
    const endpoint = route ? `${method} ${route.endpoint.slice('GET '.length)}` : `${method} ${path}`;
    let status = 200;
    let answer: unknown;
    let headers: Record<string, string> = {};
    try {
      if (!route) throw fail.routeNotFound();
      if (method !== 'GET') throw fail.readOnly(method);
      const fault = deps.faults.next();
      authorize(req, deps.tokens, route.scopes, route.apiMethod);
      if (deps.simulate.googleSubjectNotAdmin) throw fail.forbidden();
      if (fault) {
        deps.stats.fault(fault.kind);
        throw fault.failure;
      }
      const aimed = scripted.draw(endpoint, req.url ?? '');
      if (aimed) {
        deps.stats.fault('error');
        if (aimed.body === undefined) throw scriptedFailure(aimed.status);
        deps.stats.record(endpoint, aimed.status);
        res.writeHead(aimed.status, { 'content-type': aimed.contentType });
        res.end(aimed.body);
        return;
      }
      const fieldsParam = url.searchParams.get('fields');
      const mask = fieldsParam ? parseFieldMask(fieldsParam) : undefined;
      if (mask) checkFieldMask(mask, route.shape);
      const pathParams = decodePathParams(route.pattern.exec(path) ?? []);
      const result = route.handle({ ...deps.context, params: url.searchParams }, pathParams);
      answer = mask ? applyFieldMask(result, mask) : result;
    } catch (error) {
      const failure = error instanceof GoogleFailure ? error : fail.internal();
      status = failure.status;
      answer = failure.body();
      headers = failure.extras.headers ?? {};
    }
    deps.stats.record(endpoint, status);
    send(res, status, answer, pretty, headers);
  };
}

function decodePathParams(match: ArrayLike<string | undefined>): string[] {
  const out: string[] = [];
  for (let i = 1; i < match.length; i++) {
    try {
      out.push(decodeURIComponent(match[i] ?? ''));
    } catch {
      throw fail.badRequest();
    }
  }
  return out;
}
