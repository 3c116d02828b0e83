/**
 * The request pipeline of the Google sandbox: stats endpoint, token endpoint, then Directory routes
 * (latency → fault draw → bearer/scope check → simulated non-admin → fault → `fields` check →
 * route → partial response). Every response except the stats endpoint is counted.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SeedSimulate } from '../seed-types.js';
import { authorize } from './auth.js';
import type { TokenStore } from './auth.js';
import { fail, GoogleFailure } from './errors.js';
import type { FaultInjector } from './faults.js';
import { applyFieldMask, checkFieldMask, parseFieldMask } from './fields-mask.js';
import type { Route, RouteContext } from './route-types.js';
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

export function createHandler(deps: HandlerDeps): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
    const path = url.pathname;

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
