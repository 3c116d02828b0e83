/**
 * The sandbox's Google Directory API (directory_v1, read side) and OAuth token endpoint, on
 * node:http. The unmodified @googleapis/admin client runs against it with
 * `admin({version: 'directory_v1', rootUrl: server.url + '/', auth})`. Behaviour and deliberate
 * differences from Google are listed in README.md next to this file.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SandboxSeed, SeedFaults, SeedSimulate } from '../seed-types.js';
import type { RunningServer } from '../server-types.js';
import { TokenStore } from './auth.js';
import { DirectoryStore } from './directory.js';
import { createFaultInjector } from './faults.js';
import { createHandler } from './handler.js';
import { PageTokens, ResultCache } from './paging.js';
import { groupRoutes } from './routes-groups.js';
import { userRoutes } from './routes-users.js';
import { StatsRecorder } from './stats.js';

export interface GoogleSandboxOptions {
  /** Keyed by `my_customer` (your own directory) or by customer id. */
  customers: NonNullable<NonNullable<SandboxSeed['google']>['customers']>;
  /** googleErrorRate, googleRateLimitRate, latencyMs, seed. */
  faults?: SeedFaults;
  /** googleTokenError, googleSubjectNotAdmin, googleForbiddenCustomers. */
  simulate?: SeedSimulate;
  /** The static bearer token printed as GOOGLE_ACCESS_TOKEN; it carries every read scope. */
  accessToken: string;
  /** 0 (default) = any free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Lifetime of tokens minted by POST /token (default 3600 seconds, Google's). */
  tokenLifetimeSeconds?: number;
  /** Milliseconds since the epoch; injectable so tests can expire tokens without waiting. */
  clock?: () => number;
}

export const GOOGLE_TOKEN_PATH = '/token';
export const GOOGLE_STATS_PATH = '/_sandbox/stats';

export function startGoogleSandbox(options: GoogleSandboxOptions): Promise<RunningServer> {
  const simulate = options.simulate ?? {};
  const clock = options.clock ?? Date.now;
  const lifetimeSeconds = options.tokenLifetimeSeconds ?? 3600;
  const store = new DirectoryStore(options.customers, simulate.googleForbiddenCustomers ?? []);
  const tokens = new TokenStore(options.accessToken, clock);
  const stats = new StatsRecorder();
  const defaultDomain = options.customers.my_customer?.domain ?? store.customers[0]?.domain ?? 'example.com';
  let baseUrl = '';

  const handler = createHandler({
    routes: [...userRoutes, ...groupRoutes],
    context: { store, cache: new ResultCache(), pageTokens: new PageTokens() },
    tokens,
    tokenContext: () => ({ tokens, simulate, lifetimeSeconds, clock, tokenUrl: `${baseUrl}${GOOGLE_TOKEN_PATH}`, defaultDomain }),
    faults: createFaultInjector(options.faults),
    stats,
    simulate,
  });
  const server = createServer((req, res) => {
    handler(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json; charset=UTF-8' });
      res.end(JSON.stringify({ error: { code: 500, message: 'Internal Error', errors: [{ message: 'Internal Error', domain: 'global', reason: 'internalError' }] } }));
    });
  });

  const host = options.host ?? '127.0.0.1';
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      const { port } = server.address() as AddressInfo;
      const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
      baseUrl = `http://${shownHost}:${port}`;
      resolve({
        url: baseUrl,
        port,
        stats: () => stats.snapshot(),
        resetStats: () => stats.reset(),
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
            server.closeAllConnections();
          }),
      });
    });
  });
}

export { parseUserQuery } from './query/user-query.js';
export type { UserQueryClause, UserQueryParse } from './query/user-query.js';
export { userMatchesQuery } from './query/user-match.js';
export { parseGroupQuery, groupMatchesQuery } from './query/group-query.js';
export type { GroupQueryClause } from './query/group-query.js';
export { READ_SCOPES } from './auth.js';
export { USERS_DEFAULT_PAGE, USERS_MAX_PAGE } from './routes-users.js';
export { GROUPS_MAX_PAGE } from './routes-groups.js';
