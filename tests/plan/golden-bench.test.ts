/**
 * Golden plans of generated bench worlds: the planner's performance work must not change a single
 * decision. Each case reads a generated world through the real readers (in-process sandbox), runs
 * buildPlan (and, for a sample of people, the traced analysis `explain` uses) and compares sha256
 * digests of what it decided with the digests recorded in fixtures/golden-bench.json, which were
 * taken from the planner before any of that work (commit "golden hashes from the current code").
 *
 * Covered: three steady seeds at 2k and one at 10k, a customers-heavy world, the initial import, the same data with
 * incomplete reads, missing and incomplete groups and failed lookups (held-back paths), and an
 * own-directory config with other matching and lifecycle settings.
 *
 * To re-record after an intended change of plans (never for a performance change):
 * `UPDATE_GOLDEN=1 npx vitest run tests/plan/golden-bench.test.ts`.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { Snapshots } from '../../src/app/read-snapshots.js';
import type { LoadedConfig } from '../../src/config/types.js';
import { analyse } from '../../src/plan/build.js';
import { buildPlan } from '../../src/plan/index.js';
import { generateWorld, type Variant, type WorldOptions } from '../../bench/generate/index.js';
import { readGeneratedWorld } from '../../bench/generate/read-world.js';

const FIXTURE = new URL('./fixtures/golden-bench.json', import.meta.url);
const UPDATE = process.env.UPDATE_GOLDEN === '1';

interface Golden {
  /** sha256 of JSON.stringify({ changes, warnings, safety, summary }). */
  plan: string;
  /** sha256 of JSON.stringify(writes). */
  writes: string;
  /** sha256 of the traces of every 23rd person (what explain shows). */
  traces: string;
  changes: number;
  warnings: number;
}

const sha = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

const readWorld = (size: number, seed: number, variant: Variant, options: WorldOptions = {}) => readGeneratedWorld(generateWorld(size, seed, variant, options));

function golden(loaded: LoadedConfig, { directory, halo }: Snapshots): Golden {
  const outcome = buildPlan(loaded, directory, halo);
  if (!outcome.ok) throw new Error(outcome.diagnostics.map((d) => d.message).join('\n'));
  const { changes, warnings, safety, summary } = outcome.plan;
  const ids = [...directory.users.map((u) => u.id), ...directory.lookups.map((l) => l.googleId)].filter((_, i) => i % 23 === 0);
  const analysis = analyse(loaded, directory, halo, new Set(ids));
  if (!analysis.ok) throw new Error('traced analysis refused');
  const traces = [...analysis.traces.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  expect(traces.length).toBeGreaterThan(0);
  return {
    plan: sha({ changes, warnings, safety, summary }),
    writes: sha(outcome.writes),
    traces: sha(traces),
    changes: changes.length,
    warnings: warnings.length,
  };
}

/** The same data as if some reads, groups and lookups had failed: every held-back path runs. */
function uncertain({ directory, halo }: Snapshots): Snapshots {
  const copy = structuredClone(directory);
  copy.reads.forEach((read, i) => {
    if (i % 3 !== 1) return;
    read.complete = false;
    read.error = `customer ${read.customer}: Google answered 503 after retries`;
  });
  copy.groups.forEach((group, i) => {
    if (i % 4 === 1) Object.assign(group, { complete: false, error: `group ${group.email}: 500 after retries` });
    if (i % 4 === 3) Object.assign(group, { found: false, complete: false, userIds: [], userEmails: [], customers: [], error: 'not found' });
  });
  copy.lookups.forEach((lookup, i) => {
    if (i % 2 === 0) copy.lookups[i] = { googleId: lookup.googleId, status: 'error', error: '500 after retries' };
  });
  return { directory: copy, halo };
}

/** One directory, other matching keys and lifecycle: own-mode placement and keep policies. */
function ownMode(loaded: LoadedConfig): LoadedConfig {
  const config = structuredClone(loaded.config);
  config.google = { ...config.google, directory: 'own' };
  config.matching = { ...config.matching, users: ['name', 'email'], agents: ['name', 'email'] };
  config.lifecycle = { suspended: 'keep', outOfScope: 'deactivate' };
  return { ...loaded, config };
}

const recorded: Record<string, Golden> = UPDATE ? {} : (JSON.parse(readFileSync(FIXTURE, 'utf8')) as Record<string, Golden>);

function check(name: string, actual: Golden): void {
  if (UPDATE) recorded[name] = actual;
  else expect(actual, name).toEqual(recorded[name]);
}

describe('plans of generated bench worlds are exactly the recorded ones', () => {
  afterAll(() => {
    if (UPDATE) writeFileSync(FIXTURE, `${JSON.stringify(recorded, null, 2)}\n`);
  });

  for (const seed of [1, 2, 3]) {
    it(`steady 2k, seed ${seed}${seed === 1 ? ' (also with failed reads and in own mode)' : ''}`, async () => {
      const world = await readWorld(2000, seed, 'steady');
      check(`steady-2k-seed${seed}`, golden(world.loaded, world.snapshots));
      if (seed !== 1) return;
      check('uncertain-2k-seed1', golden(world.loaded, uncertain(world.snapshots)));
      check('own-mode-2k-seed1', golden(ownMode(world.loaded), world.snapshots));
    });
  }

  it('customers-heavy 3k (40 customers), seed 4', async () => {
    const world = await readWorld(3000, 4, 'steady', { customers: 40 });
    check('customers-3k-40-seed4', golden(world.loaded, world.snapshots));
  });

  it('steady 10k, seed 6', async () => {
    const world = await readWorld(10_000, 6, 'steady');
    check('steady-10k-seed6', golden(world.loaded, world.snapshots));
  });

  it('initial import 2k, seed 5', async () => {
    const world = await readWorld(2000, 5, 'initial');
    check('initial-2k-seed5', golden(world.loaded, world.snapshots));
  });
});
