/**
 * apply refuses rather than surprises: a stale reviewed plan (exit 3, differences printed), a plan
 * over the safety limits in both modes (exit 3), and — off a terminal — any run without --yes
 * (exit 1). A refused run writes nothing.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { exampleConfig, startWorld, type World } from './world.js';

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

async function posts(w: World): Promise<string[]> {
  return Object.keys((await w.stats()).byEndpoint).filter((e) => e.startsWith('POST /api/'));
}

/** The example config with a lower deactivation cap (the example plan deactivates two people). */
async function cappedConfig(max: number): Promise<string> {
  const text = (await exampleConfig()).replace(/maxDeactivations: \d+/, `maxDeactivations: ${max}`);
  expect(text).toContain(`maxDeactivations: ${max}`);
  return text;
}

describe('apply --plan', () => {
  it('applies a reviewed plan that is still current, without asking', async () => {
    world = await startWorld();
    expect((await world.run(['plan', '--out', 'plan.json'])).code).toBe(0);
    const run = await world.run(['apply', '--plan', 'plan.json']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('The reviewed plan plan.json is still current');
    expect(run.stdout).toContain('Apply complete! 47 applied, 0 failed, 0 skipped.');
    expect((await world.run(['plan', '--detailed-exitcode'])).code).toBe(0);
  });

  it('refuses a stale plan with exit 3, prints the differences, and writes nothing', async () => {
    world = await startWorld();
    expect((await world.run(['plan', '--out', 'plan.json'])).code).toBe(0);
    // Someone edits Halo by hand between review and apply.
    await world.haloApi('POST', '/api/Users', [{ id: 102, title: 'Practice Owner' }]);
    await world.resetStats();
    const run = await world.run(['apply', '--plan', 'plan.json', '--status-file', 'status.json']);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('Apply refused. The reviewed plan (plan.json) is stale');
    expect(run.stderr).toMatch(/~ update user samuel\.adeyemi@harbordental\.example: title differs/);
    expect(await posts(world)).toEqual([]);
    const status = JSON.parse(await world.read('status.json'));
    expect(status.outcome).toBe('refused');
    expect(status.lastError).toContain('stale');
  });

  it('refuses a reviewed plan whose safety verdict no longer holds (the limit was lowered)', async () => {
    world = await startWorld();
    expect((await world.run(['plan', '--out', 'plan.json'])).code).toBe(0);
    await writeFile(join(world.dir, 'halo-sync.yaml'), await cappedConfig(1));
    const run = await world.run(['apply', '--plan', 'plan.json']);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/~ safety: the reviewed plan was within the safety limits, the fresh plan is refused/);
    expect(await posts(world)).toEqual([]);
  });

  it('refuses an unsafe reviewed plan with exit 3 before reading anything', async () => {
    world = await startWorld({ config: await cappedConfig(1) });
    expect((await world.run(['plan', '--out', 'unsafe.json'])).code).toBe(0);
    await world.resetStats();
    const run = await world.run(['apply', '--plan', 'unsafe.json']);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('The reviewed plan (unsafe.json) is over the safety limits');
    expect(run.stderr).toContain('raise the limit in halo-sync.yaml through review');
    expect((await world.stats()).total).toBe(0);
  });

  it('a file that is not a plan is an error (exit 1) listing every problem', async () => {
    world = await startWorld();
    await writeFile(join(world.dir, 'bad.json'), JSON.stringify({ formatVersion: 1, changes: 'none' }));
    const run = await world.run(['apply', '--plan', 'bad.json']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/bad\.json is not a halo-sync plan \(formatVersion 1\); \d+ problem\(s\)/);
    expect(run.stderr).toContain('$.changes');
    expect(run.stderr).toContain('$.safety');
  });
});

describe('apply without --plan', () => {
  it('refuses a plan over the safety limits with exit 3, shows it in full, writes nothing', async () => {
    world = await startWorld({ config: await cappedConfig(1) });
    const run = await world.run(['apply', '--yes', '--status-file', 'status.json']);
    expect(run.code).toBe(3);
    expect(run.stdout).toContain('ravi.menon@brightwater.example will be deactivated');
    expect(run.stderr).toContain('Apply refused. The plan is over the safety limits');
    expect(run.stderr).toMatch(/Safety limits exceeded:\n {2}.*2.*1/);
    expect(await posts(world)).toEqual([]);
    expect(JSON.parse(await world.read('status.json'))).toMatchObject({ outcome: 'refused', counts: { applied: 0 } });
  });

  it('off a terminal, needs --yes (exit 1, nothing read or written)', async () => {
    world = await startWorld();
    const run = await world.run(['apply']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('pass --yes');
    expect((await world.stats()).total).toBe(0);
  });

  it('on a terminal, asks Terraform-style; anything but yes cancels and writes nothing', async () => {
    world = await startWorld();
    const questions: string[] = [];
    const no = await world.run(['apply'], { confirm: async (q) => (questions.push(q), false) });
    expect(no.code).toBe(1);
    expect(no.stderr).toContain('Apply cancelled; nothing was changed.');
    expect(questions).toHaveLength(1);
    expect(questions[0]).toContain("Do you want to perform these actions?");
    expect(questions[0]).toContain("Only 'yes' will be accepted");
    expect(no.stdout).toContain('Plan: 30 to create');
    expect(await posts(world)).toEqual([]);

    const yes = await world.run(['apply'], { confirm: async () => true });
    expect(yes.code).toBe(0);
    expect(yes.stdout).toContain('Apply complete!');
  });

  it('does not ask when there is nothing to do', async () => {
    world = await startWorld();
    expect((await world.run(['apply', '--yes'])).code).toBe(0);
    let asked = false;
    const run = await world.run(['apply'], { confirm: async () => (asked = true) });
    expect(run.code).toBe(0);
    expect(asked).toBe(false);
    expect(run.stdout).toContain('No changes.');
  });
});
