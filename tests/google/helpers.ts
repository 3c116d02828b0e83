/**
 * Shared pieces for the Google reader tests: start the Google sandbox (real HTTP on loopback),
 * build a config, a client with a tiny seeded backoff, and directories of generated people.
 */
import { afterEach } from 'vitest';
import type { Config, Mapping } from '../../src/config/types.js';
import { makeConfig as baseConfig } from '../builders.js';
import { createDirectoryClient, type DirectoryClient, type DirectoryClientOptions, type RetryEvent } from '../../src/google/index.js';
import type { DirectoryUser } from '../../src/model/directory.js';
import { seededRandom } from '../../src/sandbox/prng.js';
import { startGoogleSandbox, type GoogleSandboxOptions } from '../../src/sandbox/google/index.js';
import type { RunningServer } from '../../src/sandbox/server-types.js';
import type { SeedCustomer } from '../../src/sandbox/seed-types.js';

export const TOKEN = 'ya29.test-static-token-4f9c2a7e';
export const USERS = 'GET /admin/directory/v1/users';
export const USER = 'GET /admin/directory/v1/users/{userKey}';
export const MEMBERS = 'GET /admin/directory/v1/groups/{groupKey}/members';

const running: RunningServer[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
});

export async function sandbox(options: Omit<GoogleSandboxOptions, 'accessToken'> & { accessToken?: string }): Promise<RunningServer> {
  const started = await startGoogleSandbox({ accessToken: TOKEN, ...options });
  // Closing twice (a test, then afterEach) is harmless.
  let closing: Promise<void> | undefined;
  const server: RunningServer = { ...started, close: () => (closing ??= started.close()) };
  running.push(server);
  return server;
}

export function sandboxEnv(server: RunningServer, extra: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return { GOOGLE_API_ROOT: server.url, GOOGLE_ACCESS_TOKEN: TOKEN, ...extra };
}

/** A client against the sandbox whose backoff waits ~1 ms (seeded), recording every retry. */
export function testClient(
  server: RunningServer,
  options: Partial<DirectoryClientOptions> = {},
): { client: DirectoryClient; retries: RetryEvent[] } {
  const retries: RetryEvent[] = [];
  const client = createDirectoryClient({
    env: sandboxEnv(server),
    ...options,
    retry: { baseDelayMs: 1, random: seededRandom(7), ...options.retry },
    onRetry: (event) => retries.push(event),
  });
  return { client, retries };
}

/** The planner tests' config (tests/builders.ts) with these mappings: only reads matter here. */
export function makeConfig(mappings: Mapping[], extra: Partial<Config> = {}): Config {
  return baseConfig({ mappings, ...extra });
}

/** `count` people in `domain`; OUs cycle through `ous`. Ids are unique across calls via `idBase`. */
export function makeUsers(count: number, domain: string, options: { idBase?: number; ous?: string[]; prefix?: string } = {}): DirectoryUser[] {
  const ous = options.ous ?? ['/Staff'];
  const base = options.idBase ?? 100000;
  const prefix = options.prefix ?? 'user';
  return Array.from({ length: count }, (_, i) => ({
    id: String(base + i),
    primaryEmail: `${prefix}${String(i).padStart(5, '0')}@${domain}`,
    name: { givenName: `Given${i}`, familyName: `Family${i}` },
    orgUnitPath: ous[i % ous.length],
    organizations: [{ title: i % 5 === 0 ? 'Engineer' : 'Analyst', department: 'Ops', primary: true }],
  }));
}

export function customer(id: string, domain: string, users: DirectoryUser[], groups: SeedCustomer['groups'] = []): SeedCustomer {
  return { id, domain, users, groups };
}

/** A request-count table for the test log. */
export function printCounts(title: string, rows: Array<{ case: string; data: string; expected: number; actual: number }>): void {
  const lines = rows.map((r) => `  ${r.case.padEnd(50)} ${r.data.padEnd(34)} min ${String(r.expected).padStart(3)}  got ${String(r.actual).padStart(3)}`);
  console.log(`${title}\n${lines.join('\n')}`);
}
