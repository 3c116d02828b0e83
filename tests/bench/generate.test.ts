/**
 * The bench's synthetic organisations: deterministic, accepted by the product's own seed and
 * config loaders, and shaped so a plan exercises what it should (links by id, email and name,
 * updates, creates, deactivations, reactivations, roles, CABs, ambiguity). The minimum-request
 * formula is checked against the real readers over an in-process sandbox: if either changes, this
 * fails.
 */
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseConfigText } from '../../src/config/parse.js';
import { buildPlan } from '../../src/plan/index.js';
import type { Plan } from '../../src/plan/types.js';
import { parseSeed } from '../../src/sandbox/seed.js';
import { generateWorld, parseSize, sizeLabel, type World } from '../../bench/generate/index.js';
import { readGeneratedWorld } from '../../bench/generate/read-world.js';
import { writeMinimum } from '../../bench/measure-apply.js';
import { minimumRequests } from '../../bench/minimum.js';

const digestOf = (world: World) => createHash('sha256').update(JSON.stringify(world.seed)).update(world.configYaml).digest('hex');

describe('generateWorld', () => {
  it('is deterministic in (size, seed) and changes with the seed', () => {
    expect(digestOf(generateWorld(600, 3))).toBe(digestOf(generateWorld(600, 3)));
    expect(digestOf(generateWorld(600, 4))).not.toBe(digestOf(generateWorld(600, 3)));
  });

  it('writes a seed the sandbox loader accepts and a config halo-sync validates', () => {
    const world = generateWorld(1000, 1);
    expect(parseSeed(JSON.stringify(world.seed), 'seed.json').errors).toEqual([]);
    expect(parseConfigText(world.configYaml, 'bench.yaml').diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('holds about N people on each side', () => {
    const world = generateWorld(2000, 1);
    const google = Object.values(world.seed.google?.customers ?? {}).reduce((n, c) => n + (c.users?.length ?? 0), 0);
    expect(google).toBe(2000);
    expect((world.seed.halo?.users?.length ?? 0) + (world.seed.halo?.agents?.length ?? 0)).toBe(2000);
  });

  it('refuses sizes it cannot build, and reads sizes the way the bench takes them', () => {
    expect(() => generateWorld(10)).toThrow(/at least 100/);
    expect([parseSize('1k'), parseSize('10k'), parseSize('2500'), parseSize('0.5k')]).toEqual([1000, 10_000, 2500, 500]);
    expect(() => parseSize('lots')).toThrow(/not a size/);
    expect([sizeLabel(100_000), sizeLabel(2500)]).toEqual(['100k', '2500']);
  });
});

describe('a plan of a generated world', () => {
  let steady: Awaited<ReturnType<typeof readGeneratedWorld>>;
  let world: World;
  let plan: Plan;

  beforeAll(async () => {
    world = generateWorld(3000, 1);
    steady = await readGeneratedWorld(world);
    const outcome = buildPlan(steady.loaded, steady.snapshots.directory, steady.snapshots.halo);
    if (!outcome.ok) throw new Error(outcome.diagnostics.map((d) => d.message).join('\n'));
    plan = outcome.plan;
  });

  it('costs exactly the minimum the bench computes from the data', () => {
    const minimum = minimumRequests(world);
    expect(steady.requests).toEqual({ ...minimum.google, ...minimum.halo });
    expect(minimum.people).toBe(steady.snapshots.directory.users.length);
  });

  it('exercises matching, diffs, lifecycle, roles and CABs, and is safe', () => {
    const actions = new Set(plan.changes.map((c) => `${c.subject}:${c.action}`));
    for (const expected of ['user:create', 'user:link', 'user:update', 'user:deactivate', 'agent:create', 'agent:link', 'agent:roles', 'agent:cabs', 'agent:deactivate', 'settings:settings']) {
      expect(actions, expected).toContain(expected);
    }
    expect(plan.changes.some((c) => c.action === 'link' && c.reason.startsWith('matched by name'))).toBe(true);
    expect(plan.warnings.some((w) => w.code.includes('ambiguous'))).toBe(true);
    expect(plan.safety.ok).toBe(true);
  });

  it('imports everyone into an empty Halo in the initial variant, with the write minimum in batches', async () => {
    const initial = generateWorld(1500, 1, 'initial');
    const read = await readGeneratedWorld(initial);
    const outcome = buildPlan(read.loaded, read.snapshots.directory, read.snapshots.halo);
    if (!outcome.ok) throw new Error('planning refused');
    const { summary } = outcome.plan;
    expect(summary.users.create).toBeGreaterThan(1000);
    expect(summary.users.deactivate + summary.agents.deactivate + summary.users.update).toBe(0);
    const cabsTouched = new Set(outcome.plan.changes.flatMap((c) => c.cabs.add)).size;
    expect(writeMinimum(outcome.plan, 100)).toBe(Math.ceil(summary.users.create / 100) + Math.ceil(summary.agents.create / 100) + (cabsTouched > 0 ? 1 : 0) + 1);
  });
});
