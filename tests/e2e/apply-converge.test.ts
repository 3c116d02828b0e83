/**
 * apply does what the plan says and nothing else: after `apply --yes` the next plan is empty, on
 * the example world and on a generated bigger one (several batches per resource), with no
 * duplicate records.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { generatedConfig, generatedSeed } from './generated-world.js';
import { duplicates, expectConverged, startWorld, type World } from './world.js';

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

describe('apply converges', () => {
  it('on the example: applies every change, and the second plan is empty', async () => {
    world = await startWorld();
    const plan = await world.run(['plan', '--format', 'json']);
    const changes = JSON.parse(plan.stdout).changes.length as number;
    expect(changes).toBeGreaterThan(20);

    const applied = await world.run(['apply', '--yes']);
    expect(applied.stderr).toBe('');
    expect(applied.code).toBe(0);
    expect(applied.stdout).toContain(`Apply complete! ${changes} applied, 0 failed, 0 skipped.`);

    const again = await world.run(['plan', '--detailed-exitcode']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('No changes. Halo is in step with Google Workspace.');
    expect(duplicates(await world.state())).toEqual([]);

    // Running apply again is safe: nothing to do, nothing written.
    await world.resetStats();
    const rerun = await world.run(['apply', '--yes']);
    expect(rerun.code).toBe(0);
    expect(rerun.stdout).toContain('No changes.');
    const posts = Object.keys((await world.stats()).byEndpoint).filter((e) => e.startsWith('POST /api/'));
    expect(posts).toEqual([]);
  });

  it('on a generated world of 450 people: several batches per resource, then nothing left to do', async () => {
    world = await startWorld({ seed: generatedSeed({ staff: 420, engineers: 30, seed: 11 }), config: generatedConfig() });
    const applied = await world.run(['apply', '--yes']);
    expect(applied.code, applied.stderr + applied.stdout.slice(-2000)).toBe(0);
    const stats = await world.stats();
    // 100 records per POST: the creates alone take several batches.
    expect(stats.byEndpoint['POST /api/Users']).toBeGreaterThanOrEqual(4);

    await expectConverged(world);
    const state = await world.state();
    expect(state.users.filter((u: { googleworkplace_id?: string }) => u.googleworkplace_id).length).toBeGreaterThanOrEqual(400);
  });
});
