import { afterEach, describe, expect, it } from 'vitest';
import { findUsersByGoogleIdOrEmail, isAmbiguousWrite, updateControl, upsertAgents, upsertCabs, upsertUsers, type WriteResult } from '../../src/halo/index.js';
import { CLIENT_SECRET, expectNoSecrets, googleId, haloSeed, ROLE_TECH, startHalo, type Harness } from './halo-fixtures.js';
import { fakeTime } from './fake-time.js';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

type Row = Record<string, unknown>;
const state = () => harness!.sandbox.state() as { users: Row[]; agents: Row[]; cabs: Array<{ id: number; members: Row[] }>; control: Row };

function newUser(n: number): Row {
  return { name: `New ${n}`, firstname: 'New', surname: String(n), emailaddress: `new${n}@harbordental.example`, site_id: 10, googleworkplace_id: googleId(5000 + n) };
}

function failures<T>(results: WriteResult<T>[]) {
  return results.filter((r): r is Extract<WriteResult<T>, { ok: false }> => !r.ok);
}

describe('batched upserts over the sandbox', () => {
  it('creates and updates in batches, one result per record in input order, creates mapped to their new ids', async () => {
    harness = await startHalo({ halo: haloSeed(5) });
    const client = harness.client({ batchSize: 100 });
    const records = [newUser(1), { id: 2, emailaddress: 'changed2@harbordental.example' }, ...Array.from({ length: 249 }, (_, i) => newUser(i + 2))];
    const results = await upsertUsers(client, records);
    expect(results.map((r) => r.index)).toEqual(records.map((_, i) => i));
    expect(failures(results)).toEqual([]);
    const byEmail = new Map(state().users.map((u) => [u.emailaddress, u.id]));
    for (const [i, r] of results.entries()) {
      if (!r.ok) continue;
      expect(r.saved.id).toBe(byEmail.get(records[i]!.emailaddress as string));
    }
    const stats = harness.sandbox.stats();
    console.log(`251 records (1 update + 250 creates) in ${stats.byEndpoint['POST /api/Users']} POSTs`);
    expect(stats.byEndpoint['POST /api/Users']).toBe(1 + 3); // updates and creates batch separately
    expect(state().users).toHaveLength(5 + 250);
  });

  it('a batch with one bad record writes all the others and reports that one with its own error', async () => {
    harness = await startHalo({ halo: haloSeed(3) });
    const client = harness.client();
    const records = Array.from({ length: 10 }, (_, i) => newUser(i));
    records[6] = { ...records[6], nosuchfield: 'x' };
    const results = await upsertUsers(client, records);
    const failed = failures(results);
    expect(failed.map((f) => f.index)).toEqual([6]);
    expect(failed[0]!.ambiguous).toBe(false);
    expect(failed[0]!.error.status).toBe(400);
    expect(failed[0]!.error.message).toContain('nosuchfield');
    expect(state().users).toHaveLength(3 + 9);
    // Halo named the record ([6].nosuchfield): the refused batch, the nine others, the bad one alone.
    expect(harness.sandbox.stats().byEndpoint['POST /api/Users']).toBe(3);
  });

  it('bisects when Halo’s refusal does not say which record is bad', async () => {
    harness = await startHalo({ halo: haloSeed(3) });
    // Transport fixture: Halo answers like a business rule without field paths.
    const vague: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (response.status !== 400) return response;
      return new Response(JSON.stringify({ Message: 'CODE:APP01/1 The record could not be saved' }), { status: 400, headers: { 'content-type': 'application/json' } });
    };
    const records = Array.from({ length: 16 }, (_, i) => newUser(i));
    records[3] = { ...records[3], site_id: 999 };
    records[12] = { ...records[12], nosuchfield: 1 };
    const results = await upsertUsers(harness.client({ fetch: vague }), records);
    const failed = failures(results);
    expect(failed.map((f) => f.index)).toEqual([3, 12]);
    expect(failed[0]!.error.reason).toBe('APP01/1');
    expect(state().users).toHaveLength(3 + 14);
    console.log(`16 records with 2 bad ones, bisected: ${harness.sandbox.stats().byEndpoint['POST /api/Users']} POSTs`);
  });

  it('an update of an unknown id is that record’s 404; the rest are written', async () => {
    harness = await startHalo({ halo: haloSeed(4) });
    const results = await upsertUsers(harness.client(), [{ id: 1, title: 'A' }, { id: 999, title: 'B' }, { id: 3, title: 'C' }]);
    expect(results.map((r) => r.ok)).toEqual([true, false, true]);
    expect(failures(results)[0]!.error.status).toBe(404);
    expect(state().users.filter((u) => u.title).map((u) => u.id)).toEqual([1, 3]);
  });

  it('a lost response on a create is reported ambiguous, never re-sent, and the records are found again', async () => {
    harness = await startHalo({ halo: haloSeed(2), faults: { lostResponseRate: 1, seed: 1 } });
    const client = harness.client({ sleep: fakeTime().sleep });
    const records = [newUser(1), newUser(2), newUser(3)];
    const results = await upsertUsers(client, records);
    expect(results.every((r) => !r.ok && r.ambiguous)).toBe(true);
    expect(results.every((r) => !r.ok && isAmbiguousWrite(r.error))).toBe(true);
    expect(harness.sandbox.stats().byEndpoint['POST /api/Users']).toBe(1);
    expect(state().users).toHaveLength(2 + 3); // created exactly once
    const found = await findUsersByGoogleIdOrEmail(client, records.map((r) => ({ googleId: r.googleworkplace_id as string, email: r.emailaddress as string })));
    expect(found.map((list) => list.length)).toEqual([1, 1, 1]);
  });

  it('a timeout on a create after Halo committed it is ambiguous too (not repeated)', async () => {
    harness = await startHalo({ halo: haloSeed(2) });
    // Transport fixture: the POST reaches Halo, its answer arrives after the client's timeout.
    const slowAnswer: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (init?.method !== 'POST' || !String(input).includes('/api/')) return response;
      return new Promise((_, reject) => init.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    };
    const results = await upsertUsers(harness.client({ fetch: slowAnswer, timeoutMs: 200 }), [newUser(1)]);
    expect(results[0]).toMatchObject({ ok: false, ambiguous: true });
    expect(!results[0]!.ok && results[0]!.error.message).toContain('no complete response within 0.2 s');
    expect(harness.sandbox.stats().byEndpoint['POST /api/Users']).toBe(1);
    expect(state().users).toHaveLength(3);
  });

  it('a 5xx on a create is ambiguous and not re-sent; every other create still goes out once', async () => {
    harness = await startHalo({ halo: haloSeed(1), faults: { haloErrorRate: 0.3, seed: 5 } });
    const records = Array.from({ length: 20 }, (_, i) => newUser(i));
    const results = await upsertUsers(harness.client({ sleep: fakeTime().sleep, batchSize: 1 }), records);
    const ambiguous = failures(results).filter((f) => f.ambiguous);
    expect(ambiguous.length).toBeGreaterThan(0);
    expect(failures(results).length).toBe(ambiguous.length);
    for (const f of ambiguous) {
      expect(f.error.status).toBeGreaterThanOrEqual(500);
      expectNoSecrets(f.error, [CLIENT_SECRET]);
    }
    // One POST per record, whatever happened: nothing was repeated, so nothing can be duplicated.
    expect(harness.sandbox.stats().byEndpoint['POST /api/Users']).toBe(20);
    const emails = state().users.map((u) => u.emailaddress);
    expect(new Set(emails).size).toBe(emails.length);
    expect(emails.length).toBe(1 + 20 - ambiguous.length); // the sandbox fails before committing
  });

  it('updates are safe to repeat: lost responses are retried until written', async () => {
    harness = await startHalo({ halo: haloSeed(20), faults: { lostResponseRate: 0.5, seed: 3 } });
    const records = Array.from({ length: 20 }, (_, i) => ({ id: i + 1, title: `Title ${i + 1}` }));
    const results = await upsertUsers(harness.client({ sleep: fakeTime().sleep, batchSize: 5 }), records);
    expect(failures(results)).toEqual([]);
    expect(harness.sandbox.stats().faults.lostResponse).toBeGreaterThan(0);
    expect(state().users.every((u) => u.title === `Title ${u.id}`)).toBe(true);
  });

  it('a failure that is not about the records stops the run: the rest is "not sent"', async () => {
    harness = await startHalo({ halo: haloSeed(1), simulate: { haloForbiddenPaths: ['/api/Users'] } });
    const results = await upsertUsers(harness.client({ batchSize: 2 }), Array.from({ length: 6 }, (_, i) => newUser(i)));
    expect(results.every((r) => !r.ok && !r.ambiguous)).toBe(true);
    expect(failures(results).map((f) => f.error.status)).toEqual([403, 403, undefined, undefined, undefined, undefined]);
    expect(failures(results)[5]!.error.message).toContain('not sent: an earlier batch failed');
    expect(harness.sandbox.stats().byEndpoint['POST /api/Users']).toBe(1);
  });

  it('agents (with roles and the Google id field), CAB members and Control settings', async () => {
    harness = await startHalo({ halo: haloSeed(1) });
    const client = harness.client();
    const agents = await upsertAgents(
      client,
      [
        { name: 'Cara New', email: 'cara@brightwater.example', third_party_guid: googleId(9100), roles: [{ id: ROLE_TECH }] },
        { id: 2, isdisabled: false },
      ],
      { agentIdField: 'third_party_guid' },
    );
    expect(failures(agents)).toEqual([]);
    const cara = agents[0]!.ok ? agents[0]!.saved : undefined;
    expect(cara).toMatchObject({ email: 'cara@brightwater.example', third_party_guid: googleId(9100) });
    expect(state().agents.find((a) => a.id === cara!.id)!.roles).toEqual([{ id: ROLE_TECH, name: 'Technician' }]);

    const cabs = await upsertCabs(client, [{ id: 1, members: [{ agent_id: 1 }, { agent_id: 3 }, { agent_id: cara!.id }] }]);
    expect(cabs[0]!.ok).toBe(true);
    expect(state().cabs.find((c) => c.id === 1)!.members.map((m) => m.agent_id)).toEqual([1, 3, cara!.id]);

    const control = await updateControl(client, { enablegooglesso: true });
    expect(control.ok).toBe(true);
    expect(state().control.enablegooglesso).toBe(true);
  });
});
