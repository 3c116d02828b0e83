/**
 * Failures halfway: each record's outcome is its own, the report names every failure with its API
 * error, an outage stops the run before anything is taken away, and running apply again finishes
 * the job — without ever creating a record twice.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { generatedConfig, generatedSeed } from './generated-world.js';
import { exampleSeed, expectConverged, journalLines, planJson, startWorld, type Json, type World } from './world.js';

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

describe('a batch failing with 500', () => {
  it('reports each failed record with the API error, exits 1, and a second run converges', async () => {
    world = await startWorld();
    const plan = await planJson(world);
    const userCreates = plan.summary.users.create as number;
    // The create batch and its one retry (after a re-read found nothing) both answer 500.
    await world.faults([{ endpoint: 'POST /api/Users', status: 500, times: 2 }]);

    const first = await world.run(['apply', '--yes', '--status-file', 'status.json']);
    expect(first.code).toBe(1);
    expect(first.stdout).toContain(`Failed (${userCreates}):`);
    expect(first.stdout).toContain('✗ create user amira.hassan@harbordental.example');
    expect(first.stdout).toMatch(/Halo API POST \/api\/Users failed \(500\): .*scripted fault 500/);
    expect(first.stdout).toContain('may or may not exist in Halo; the next run will find it by Google id');
    const applied = plan.changes.length - userCreates;
    expect(first.stdout).toContain(`Apply complete! ${applied} applied, ${userCreates} failed, 0 skipped.`);
    const status = JSON.parse(await world.read('status.json'));
    expect(status).toMatchObject({ outcome: 'partial', counts: { applied, failed: userCreates, skipped: 0, notAttempted: 0 } });
    expect(status.lastError).toContain('(500)');

    const second = await world.run(['apply', '--yes']);
    expect(second.code, second.stdout.slice(-1500)).toBe(0);
    expect(second.stdout).toContain(`Apply complete! ${userCreates} applied, 0 failed, 0 skipped.`);
    await expectConverged(world);
  });

  it('an outage stops the run before roles, CAB seats or deactivations are taken away; the next run finishes', async () => {
    world = await startWorld();
    await world.faults([{ endpoint: 'POST /api/Agent', status: 503, times: 1000 }]);
    const first = await world.run(['apply', '--yes', '--journal', 'journal.jsonl']);
    expect(first.code).toBe(1);
    expect(first.stdout).toMatch(/Apply stopped: Halo stopped answering \(Halo API POST \/api\/Agent failed \(503\)/);
    expect(first.stdout).toMatch(/\d+ changes not applied; run apply again to finish — it re-plans and picks up where this stopped\./);

    const state = await world.state();
    expect(state.agents.find((a: Json) => a.email === 'ravi.menon@brightwater.example').isdisabled).toBe(false);
    expect(state.users.find((u: Json) => u.emailaddress === 'tom.fletcher@harbordental.example').inactive).toBe(false);
    const grace = state.agents.find((a: Json) => a.email === 'grace.mensah@brightwater.example');
    expect(grace.roles.map((r: Json) => r.name)).toContain('Senior Technician');
    // The users phase ran before the outage: those changes are in.
    expect(state.users.some((u: Json) => u.emailaddress === 'amira.hassan@harbordental.example')).toBe(true);

    const ops = journalLines(await world.read('journal.jsonl')).filter((l) => l.type === 'operation');
    const outcomeOf = (phase: string) => [...new Set(ops.filter((o) => o.phase === phase).map((o) => o.outcome))];
    expect(outcomeOf('users')).toEqual(['applied']);
    for (const phase of ['role-adds', 'cab-adds', 'role-removals', 'cab-removals', 'user-deactivations', 'agent-deactivations']) {
      expect(outcomeOf(phase), phase).toEqual(['not-attempted']);
    }

    await world.clearFaults();
    const second = await world.run(['apply', '--yes']);
    expect(second.code, second.stdout.slice(-1500)).toBe(0);
    await expectConverged(world);
  });

  it('when the re-read after an unanswered create fails too, the creates are reported unknown and the run stops', async () => {
    world = await startWorld();
    await world.faults([
      { endpoint: 'POST /api/Agent', status: 500 },
      // The plan's own read of the agents goes through; the re-read after the create does not.
      { endpoint: 'GET /api/Agent', status: 503, times: 1000, skip: 1 },
    ]);
    const run = await world.run(['apply', '--yes', '--journal', 'journal.jsonl']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/re-reading Halo to check failed: Halo API GET \/api\/Agent.* failed \(503\)/);
    expect(run.stdout).toContain('Apply stopped: Halo stopped answering (Halo API GET /api/Agent');
    const ops = journalLines(await world.read('journal.jsonl')).filter((l) => l.type === 'operation');
    expect(ops.filter((o) => o.kind === 'create' && o.subject === 'agent').every((o) => o.outcome === 'failed' && o.error.ambiguous)).toBe(true);
    expect(ops.filter((o) => o.kind === 'deactivate').every((o) => o.outcome === 'not-attempted')).toBe(true);

    await world.clearFaults();
    expect((await world.run(['apply', '--yes'])).code).toBe(0);
    await expectConverged(world);
  });
});

describe('lost responses never make duplicates', () => {
  it('a create batch whose answer is lost is found again by Google id, not re-sent', async () => {
    world = await startWorld();
    await world.faults([{ endpoint: 'POST /api/Agent', lose: true, bodyIncludes: 'chloe.dubois@' }]);
    const run = await world.run(['apply', '--yes', '--journal', 'journal.jsonl']);
    expect(run.code, run.stdout.slice(-1500)).toBe(0);
    expect(run.stdout).toContain('Recovered (9):');
    const creates = journalLines(await world.read('journal.jsonl')).filter((l) => l.type === 'operation' && l.kind === 'create' && l.subject === 'agent');
    expect(creates).toHaveLength(9);
    for (const op of creates) {
      expect(op.outcome).toBe('applied');
      expect(op.note).toMatch(/re-reading Halo found the record \(id \d+\), so it was not created again/);
    }
    expect((await world.stats()).faults.lostResponse).toBe(1);
    await expectConverged(world);
  });

  it('a create that got no answer and is not in Halo is created once more, exactly once', async () => {
    world = await startWorld();
    await world.faults([{ endpoint: 'POST /api/Agent', status: 502, bodyIncludes: 'chloe.dubois@' }]);
    const run = await world.run(['apply', '--yes']);
    expect(run.code, run.stdout.slice(-1500)).toBe(0);
    expect(run.stdout).toContain('created on the second attempt');
    const agents = (await world.state()).agents.filter((a: Json) => a.email === 'chloe.dubois@brightwater.example');
    expect(agents).toHaveLength(1);
    await expectConverged(world);
  });

  it('random lost responses (seeded) on the example: one run applies everything, no duplicates', async () => {
    const seed = await exampleSeed();
    seed.faults = { lostResponseRate: 0.5, seed: 5 };
    world = await startWorld({ seed });
    const run = await world.run(['apply', '--yes']);
    expect(run.code, run.stdout.slice(-2000)).toBe(0);
    expect((await world.stats()).faults.lostResponse).toBeGreaterThan(0);
    await expectConverged(world);
  });

  it('random lost responses on a generated world of 450 people: converges within a few runs, no duplicates', async () => {
    const seed = generatedSeed({ staff: 420, engineers: 30, seed: 4 });
    seed.faults = { lostResponseRate: 0.4, seed: 9 };
    world = await startWorld({ seed, config: generatedConfig() });
    let code = 1;
    for (let attempt = 0; attempt < 3 && code !== 0; attempt++) code = (await world.run(['apply', '--yes'])).code;
    expect(code).toBe(0);
    expect((await world.stats()).faults.lostResponse).toBeGreaterThan(0);
    await expectConverged(world);
  });
});
