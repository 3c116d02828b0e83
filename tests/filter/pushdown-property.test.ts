/**
 * The pushdown invariant, as a property: for random filters over random directories, what Google's
 * query selects (the sandbox's query engine, i.e. Google's search semantics) re-checked locally
 * with evaluateFilter is EXACTLY what evaluateFilter selects over the whole directory. A pushdown
 * that ever returned fewer people than the filter selects fails here.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Filter } from '../../src/config/types.js';
import { evaluateFilter, groupIndex, type GroupIndex } from '../../src/filter/evaluate.js';
import { pushdownFilter } from '../../src/filter/pushdown.js';
import type { DirectoryUser } from '../../src/model/directory.js';
import type { SeedCustomer } from '../../src/sandbox/seed-types.js';
import { parseUserQuery, userMatchesQuery } from '../../src/sandbox/google/index.js';
import { directoryAndConjunctionArb, directoryArb, filterArb, groupsFor } from './arbitraries.js';

const RUNS = 400;

interface Outcome {
  pushed: boolean;
  /** The query read fewer people than the directory while the filter still selected someone. */
  narrowed: boolean;
}

/** Asserts pushdown + re-check == local for one case. */
function check(users: DirectoryUser[], filter: Filter, groups: GroupIndex): Outcome {
  const expected = users.filter((u) => evaluateFilter(filter, u, groups)).map((u) => u.id);
  const { query } = pushdownFilter(filter);
  if (query === undefined) return { pushed: false, narrowed: false };
  const parsed = parseUserQuery(query);
  // Google answers 400 to a query it cannot parse: every pushed query must be valid.
  expect(parsed, query).toMatchObject({ ok: true });
  if (!parsed.ok) return { pushed: true, narrowed: false };
  const customer: SeedCustomer = { id: 'C0prop', domain: 'acme.com', users };
  const candidates = users.filter((u) => userMatchesQuery(u, parsed.clauses, customer));
  const actual = candidates.filter((u) => evaluateFilter(filter, u, groups)).map((u) => u.id);
  expect(actual, `query: ${query}`).toEqual(expected);
  return { pushed: true, narrowed: candidates.length < users.length && expected.length > 0 };
}

describe('pushdown + local re-check = pure local evaluation', () => {
  it(`holds for ${RUNS} random filter trees (all/any/clauses, every field and operator)`, () => {
    let pushed = 0;
    let narrowed = 0;
    fc.assert(
      fc.property(directoryArb, filterArb, fc.array(fc.nat(7), { maxLength: 40 }), (users, filter, picks) => {
        const outcome = check(users, filter, groupIndex(groupsFor(users, picks)));
        pushed += Number(outcome.pushed);
        narrowed += Number(outcome.narrowed);
      }),
      { numRuns: RUNS, seed: 20240611 },
    );
    console.log(`pushdown property (trees): ${RUNS} cases, ${pushed} pushed a query, ${narrowed} narrowed a non-empty selection`);
    // Not vacuous: many cases push a query that narrows the read while the filter selects someone.
    expect(pushed).toBeGreaterThan(RUNS / 3);
    expect(narrowed).toBeGreaterThan(RUNS / 10);
  });

  it(`holds for ${RUNS} conjunctions built from the directory's own values (case, padding, prefix variants)`, () => {
    let narrowed = 0;
    fc.assert(
      fc.property(directoryAndConjunctionArb, ([users, filter]) => {
        narrowed += Number(check(users, filter, groupIndex([])).narrowed);
      }),
      { numRuns: RUNS, seed: 7 },
    );
    console.log(`pushdown property (own values): ${RUNS} cases, ${narrowed} narrowed a non-empty selection`);
    expect(narrowed).toBeGreaterThan(RUNS / 3);
  });
});
