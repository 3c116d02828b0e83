/**
 * The pushdown property end to end, for a subset of cases: random directory seeded into the Google
 * sandbox, random filter as a mapping, the real reader over HTTP (planned query, projection,
 * fields mask, paging, group expansion), then the local re-check. The result must equal a pure
 * local evaluation over the whole directory. (tests/filter runs the many cases in memory.)
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Filter } from '../../src/config/types.js';
import { evaluateFilter, groupIndex } from '../../src/filter/evaluate.js';
import { readDirectory, selectMappingUsers } from '../../src/google/index.js';
import type { DirectoryUser } from '../../src/model/directory.js';
import type { SeedGroup } from '../../src/sandbox/seed-types.js';
import { directoryAndConjunctionArb, directoryArb, filterArb, GROUPS } from '../filter/arbitraries.js';
import { customer, makeConfig, sandbox, testClient } from './helpers.js';

const RUNS = 15;

/** Reads `users` through the sandbox with one mapping; returns how many the filter selected. */
async function check(users: DirectoryUser[], filter: Filter, picks: number[] = []): Promise<number> {
  const groups: SeedGroup[] = GROUPS.map((email, g) => ({
    id: `g${g}`,
    email,
    members: users.filter((_, i) => ((picks[i] ?? 0) >> g) & 1).map((u) => ({ email: u.primaryEmail, type: 'USER' as const })),
  }));
  const server = await sandbox({ customers: { my_customer: customer('C0prop', 'acme.com', users, groups) } });
  try {
    const mapping = { name: 'm', site: 'S', filter };
    // No field maps: the fields mask is exactly what the filter needs.
    const config = makeConfig([mapping], { fields: { users: [], agents: [] } });
    const snapshot = await readDirectory({ client: testClient(server).client, config });
    expect(snapshot.reads.every((r) => r.complete)).toBe(true);
    const index = groupIndex(snapshot.groups);
    const expected = users.filter((u) => evaluateFilter(filter, u, index)).map((u) => u.id).sort();
    const actual = selectMappingUsers(snapshot, mapping, index).map((u) => u.id);
    expect(actual, JSON.stringify(filter)).toEqual(expected);
    return expected.length;
  } finally {
    await server.close();
  }
}

describe('pushdown + local re-check over HTTP', () => {
  it(`selects what a local evaluation selects: ${RUNS} random filter trees`, async () => {
    await fc.assert(
      fc.asyncProperty(directoryArb, filterArb, fc.array(fc.nat(7), { maxLength: 40 }), async (users, filter, picks) => {
        await check(users, filter, picks);
      }),
      { numRuns: RUNS, seed: 99 },
    );
  });

  it(`selects what a local evaluation selects: ${RUNS} conjunctions of the directory's own values`, async () => {
    let nonEmpty = 0;
    await fc.assert(
      fc.asyncProperty(directoryAndConjunctionArb, async ([users, filter]) => {
        nonEmpty += Number((await check(users, filter)) > 0);
      }),
      { numRuns: RUNS, seed: 5 },
    );
    expect(nonEmpty).toBeGreaterThan(RUNS / 2);
  });
});
