/**
 * Seeded fault runs (issue 9): for each seed, a generated world (fault-world.ts) behind a sandbox
 * answering Halo 5xx 10 %, Google 5xx 5 %, losing 5 % of write responses and refusing past a
 * one-second 429 window. `plan --out`, then ONE `apply` (--yes, or --plan with the reviewed file
 * every third seed) with tiny retry delays. Then, faults off: if the apply said it could not finish,
 * it must have said what is left, and one more apply finishes; the next plan must be empty. At every
 * point no duplicate records, and nobody deactivated that the plan did not deactivate. Even seeds
 * give the client a rate budget under the server's limit (no 429 may reach it); odd seeds switch the
 * budget off so the 429 handling runs.
 *
 * Default: seeds 1..50 (CI). Long run: FAULT_SEEDS=500 npx vitest run tests/reliability/fault-runs.test.ts
 */
import { afterAll, describe, expect, it } from 'vitest';
import { duplicates, journalLines, startWorld, type Json, type World } from '../e2e/world.js';
import { randomFaultsOff } from '../helpers/sandbox-controls.js';
import { faultWorld } from './fault-world.js';

const SEEDS = Number(process.env.FAULT_SEEDS) || 50;
const seeds = Array.from({ length: SEEDS }, (_, i) => i + 1);

interface Tally {
  seeds: number;
  secondRun: number[];
  halo5xx: number;
  lost: number;
  limited: number;
  google5xx: number;
  changes: number;
}
const tally: Tally = { seeds: 0, secondRun: [], halo5xx: 0, lost: 0, limited: 0, google5xx: 0, changes: 0 };

afterAll(() => {
  // The number the issue asks for: how many seeds needed the second apply.
  console.log(`fault runs: ${tally.seeds} seeds passed, ${tally.changes} planned changes; second apply needed by ${tally.secondRun.length} (seeds ${tally.secondRun.join(', ') || 'none'}); injected: ${tally.halo5xx} Halo 5xx, ${tally.lost} lost responses, ${tally.limited} Halo 429s, ${tally.google5xx} Google 5xx`);
});

/** Halo records that are inactive / disabled, by kind and id. */
function inactive(state: Json): Set<string> {
  const out = new Set<string>();
  for (const u of state.users as Json[]) if (u.inactive === true) out.add(`user ${u.id}`);
  for (const a of state.agents as Json[]) if (a.isdisabled === true) out.add(`agent ${a.id}`);
  return out;
}

function expectNoDuplicates(state: Json, when: string): void {
  expect(duplicates(state), when).toEqual([]);
}

/** Every record that went inactive was deactivated by a `deactivate` change of the plan. */
function expectOnlyPlannedDeactivations(before: Json, after: Json, plan: Json): void {
  const planned = new Set((plan.changes as Json[]).filter((c) => c.action === 'deactivate').map((c) => `${c.subject} ${c.haloId}`));
  const was = inactive(before);
  const went = [...inactive(after)].filter((key) => !was.has(key));
  expect(went.filter((key) => !planned.has(key)), 'deactivated without a deactivate change in the plan').toEqual([]);
}

async function runSeed(n: number): Promise<void> {
  const fw = faultWorld(n);
  let offset = 0;
  // Time passes between the jobs of a pipeline: the server's 429 window is left behind between
  // commands without the test waiting for it (the sandbox's clock, not the client's).
  const clock = () => Date.now() + offset;
  const between = () => void (offset += 1500);
  const world: World = await startWorld({ seed: fw.seed, config: fw.config, clock });
  try {
    const env = { HALO_RATE_LIMIT: fw.clientBudget };
    const initial = await world.state();

    const planned = await world.run(['plan', '--out', 'plan.json'], { env });
    expect(planned.code, planned.stderr).toBe(0);
    const plan = JSON.parse(await world.read('plan.json'));
    const s = plan.summary;
    // Every kind of change is in every run.
    expect([s.users.create, s.users.update, s.users.link, s.users.deactivate, s.agents.create, s.agents.deactivate, s.roles.add, s.roles.remove, s.cabs.add, s.cabs.remove].every((x: number) => x > 0), JSON.stringify(s)).toBe(true);
    expect(plan.safety.ok).toBe(true);
    tally.changes += plan.changes.length;

    between();
    const applyArgs = n % 3 === 0 ? ['apply', '--plan', 'plan.json'] : ['apply', '--yes'];
    const first = await world.run([...applyArgs, '--journal', 'journal.jsonl'], { env });
    const afterFirst = await world.state();
    expectNoDuplicates(afterFirst, 'after the faulty apply');
    expectOnlyPlannedDeactivations(initial, afterFirst, plan);
    const journal = journalLines(await world.read('journal.jsonl'));
    const ops = journal.filter((l) => l.type === 'operation');
    expect(ops.length).toBeGreaterThan(0);
    expect(journal.at(-1)?.type).toBe('end');

    const halo = world.sandbox.halo.stats();
    const google = world.sandbox.google.stats();
    tally.halo5xx += halo.faults.error ?? 0;
    tally.lost += halo.faults.lostResponse ?? 0;
    tally.limited += halo.faults.rateLimited ?? 0;
    tally.google5xx += google.faults.error ?? 0;
    if (fw.budgetKind === 'under') expect(halo.faults.rateLimited ?? 0, 'a 429 reached a client whose budget is under the limit').toBe(0);

    await randomFaultsOff(world.sandbox);
    world.sandbox.halo.resetStats();
    world.sandbox.google.resetStats();
    between();
    if (first.code !== 0) {
      expect(first.code, first.stdout.slice(-1500)).toBe(1);
      // A run that cannot finish says what is left and how to finish.
      expect(first.stdout).toMatch(/Failed \(\d+\):|changes not applied; run apply again/);
      expect(ops.some((o) => o.outcome !== 'applied')).toBe(true);
      tally.secondRun.push(n);
      const second = await world.run(['apply', '--yes'], { env });
      expect(second.code, second.stdout.slice(-1500)).toBe(0);
      expectNoDuplicates(await world.state(), 'after the second apply');
    } else {
      expect(first.stdout).toContain(`Apply complete! ${plan.changes.length} applied, 0 failed, 0 skipped.`);
    }

    between();
    const again = await world.run(['plan', '--detailed-exitcode'], { env });
    expect(again.code, again.stdout.slice(0, 2000)).toBe(0);
    const final = await world.state();
    expectNoDuplicates(final, 'at the end');
    // The convergence check ran against healthy services.
    expect([world.sandbox.halo.stats().faults, world.sandbox.google.stats().faults]).toEqual([{}, {}]);
    expectOnlyPlannedDeactivations(initial, final, plan);
    // And everything the plan deactivated is deactivated.
    const nowInactive = inactive(final);
    for (const c of plan.changes as Json[]) if (c.action === 'deactivate') expect(nowInactive.has(`${c.subject} ${c.haloId}`), `${c.subject} ${c.email}`).toBe(true);
    tally.seeds += 1;
  } finally {
    await world.close();
  }
}

describe(`seeded fault runs (${SEEDS} seeds): one apply converges, no duplicates, no unplanned deactivation`, () => {
  it.each(seeds)('seed %i', (n) => runSeed(n), 60_000);

  it('the faults really happened: Halo 5xx, lost responses, 429s and Google 5xx across the seeds', () => {
    expect(tally.seeds).toBe(SEEDS);
    expect(tally.halo5xx).toBeGreaterThan(SEEDS);
    expect(tally.lost).toBeGreaterThan(0);
    expect(tally.limited).toBeGreaterThan(0);
    expect(tally.google5xx).toBeGreaterThan(0);
  });
});
