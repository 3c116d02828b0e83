/**
 * The executor over the sandbox: per-record outcomes, references to agents created in the same
 * run, full role and CAB sets that keep what halo-sync does not manage, and honest reporting of
 * anything it could not do.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { executePlan, type ApplyProgressEvent, type ApplyResult } from '../../src/apply/index.js';
import type { ComputedPlan } from '../../src/app/run-plan.js';
import { ROLE_IDS, exampleSeed, seedWithNewApprover, startBench, type Bench, type Json } from './helpers.js';

let bench: Bench | undefined;
afterEach(async () => {
  await bench?.close();
  bench = undefined;
});

const execute = (c: ComputedPlan, onProgress?: (e: ApplyProgressEvent) => void) =>
  executePlan(c.plan, c.writes, c.clients.halo, { agentIdField: 'third_party_guid', ...(onProgress ? { onProgress } : {}) });

const changeIndex = (result: ApplyResult, action: string, email: string) => result.plan.changes.findIndex((c) => c.action === action && c.email === email);

describe('executePlan', () => {
  it('a refused agent create fails alone; its CAB seat is skipped, not guessed; the CAB write still seats the others', async () => {
    bench = await startBench(await seedWithNewApprover());
    const computed = await bench.plan();
    await bench.faults([{ endpoint: 'POST /api/Agent', status: 400, bodyIncludes: 'nora.quinn@', times: 20 }]);
    const result = await execute(computed);

    const create = result.operations.find((o) => o.kind === 'create' && o.email === 'nora.quinn@brightwater.example')!;
    expect(create).toMatchObject({ outcome: 'failed', error: { status: 400, ambiguous: false } });
    const seat = result.operations.find((o) => o.kind === 'cab-members' && o.email === 'nora.quinn@brightwater.example')!;
    expect(seat.outcome).toBe('skipped');
    expect(seat.note).toMatch(/CAB seat on Infrastructure CAB not given: the agent was not created \(failed: Halo API POST \/api\/Agent failed \(400\)/);
    // The other eight agents were created (the batch was split around the refused record).
    expect(result.operations.filter((o) => o.kind === 'create' && o.subject === 'agent' && o.outcome === 'applied')).toHaveLength(9);

    expect(result.changes[changeIndex(result, 'create', 'nora.quinn@brightwater.example')]!.outcome).toBe('failed');
    expect(result.changes[changeIndex(result, 'cabs', 'nora.quinn@brightwater.example')]!.outcome).toBe('skipped');
    expect(result.changes[changeIndex(result, 'cabs', 'tomas.ferreira@brightwater.example')]!.outcome).toBe('applied');
    expect(result.counts).toEqual({ applied: result.plan.changes.length - 2, failed: 1, skipped: 1, notAttempted: 0 });

    const cab = (await bench.state()).cabs.find((c: Json) => c.name === 'Infrastructure CAB');
    const seated = cab.members.map((m: Json) => m.emailaddress);
    expect(seated).toContain('tomas.ferreira@brightwater.example');
    expect(seated).not.toContain('nora.quinn@brightwater.example');
  });

  it('a new agent’s CAB seat goes to the id its create returned', async () => {
    bench = await startBench(await seedWithNewApprover());
    const result = await execute(await bench.plan());
    const created = result.operations.find((o) => o.kind === 'create' && o.email === 'nora.quinn@brightwater.example')!;
    expect(created.outcome).toBe('applied');
    const cab = (await bench.state()).cabs.find((c: Json) => c.name === 'Infrastructure CAB');
    expect(cab.members.map((m: Json) => m.agent_id)).toContain(created.haloId);
    expect(result.counts.failed + result.counts.skipped).toBe(0);
  });

  it('role sets keep roles no rule names; CAB writes keep members halo-sync does not manage', async () => {
    const seed = await exampleSeed();
    // Grace loses Senior Technician (a managed role) but also holds Finance Reviewer (unmanaged).
    const grace = seed.halo!.agents!.find((a) => a.email === 'grace.mensah@brightwater.example')!;
    grace.roles = [...(grace.roles ?? []), { id: ROLE_IDS.finance }];
    // An end user sits on the CAB too (Halo allows it; no rule manages it).
    const cab = seed.halo!.cabs!.find((c) => c.name === 'Infrastructure CAB')!;
    cab.members = [...(cab.members ?? []), { user_id: 102 }];
    bench = await startBench(seed);
    const result = await execute(await bench.plan());
    expect(result.counts.failed + result.counts.skipped + result.counts.notAttempted).toBe(0);

    const state = await bench.state();
    const roles = (email: string) => state.agents.find((a: Json) => a.email === email).roles.map((r: Json) => r.name).sort();
    expect(roles('grace.mensah@brightwater.example')).toEqual(['Finance Reviewer', 'Technician']);
    expect(roles('tomas.ferreira@brightwater.example')).toEqual(['Finance Reviewer', 'Technician']);
    expect(roles('aisha.kamara@brightwater.example')).toContain('Senior Technician');

    const members = state.cabs.find((c: Json) => c.name === 'Infrastructure CAB').members;
    const emails = members.map((m: Json) => m.emailaddress);
    expect(emails).toContain('dana.whitfield@apexnetworks.example'); // the vendor: not in Google, kept
    expect(members.some((m: Json) => m.user_id === 102)).toBe(true); // the end user: kept
    expect(emails).toContain('tomas.ferreira@brightwater.example'); // added
    expect(emails).not.toContain('grace.mensah@brightwater.example'); // removed
  });

  it('a role write for an agent created in this run resolves its Google id to the new agent', async () => {
    bench = await startBench();
    const computed = await bench.plan();
    const chloe = computed.writes.agents.find((w) => w.email === 'chloe.dubois@brightwater.example')!;
    const index = computed.plan.changes.findIndex((c) => c.email === chloe.email && c.action === 'create');
    computed.writes.roleAdds.push({ agent: { googleId: chloe.googleId }, email: chloe.email, roleIds: [ROLE_IDS.technician, ROLE_IDS.finance], changes: [index] });
    const result = await execute(computed);
    const op = result.operations.find((o) => o.phase === 'role-adds' && o.email === chloe.email)!;
    const created = result.operations.find((o) => o.kind === 'create' && o.email === chloe.email)!;
    expect(op).toMatchObject({ outcome: 'applied', haloId: created.haloId });
    const agent = (await bench.state()).agents.find((a: Json) => a.id === created.haloId);
    expect(agent.roles.map((r: Json) => r.name).sort()).toEqual(['Finance Reviewer', 'Technician']);
  });

  it('a change no write carries out is reported skipped, never silently "applied"', async () => {
    bench = await startBench();
    const computed = await bench.plan();
    computed.writes.deactivations.agents = [];
    const result = await execute(computed);
    const ravi = changeIndex(result, 'deactivate', 'ravi.menon@brightwater.example');
    expect(result.changes[ravi]!.outcome).toBe('skipped');
    const op = result.operations.find((o) => o.changes.includes(ravi))!;
    expect(op.note).toContain('no write was planned for this change');
    expect((await bench.state()).agents.find((a: Json) => a.email === 'ravi.menon@brightwater.example').isdisabled).toBe(false);
  });

  it('reports progress phase by phase, in execution order', async () => {
    bench = await startBench();
    const events: ApplyProgressEvent[] = [];
    await execute(await bench.plan(), (e) => events.push(e));
    expect(events.map((e) => (e.type === 'phase' ? e.phase : e.type))).toEqual([
      'settings', 'users', 'agents', 'role-adds', 'cab-adds', 'role-removals', 'cab-removals', 'user-deactivations', 'agent-deactivations',
    ]);
  });
});
