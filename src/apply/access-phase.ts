/**
 * Agent roles and CAB members, written as FULL sets (Halo's POST replaces these lists and its
 * merge behaviour is not documented): the planner computed each set from what Halo held, keeping
 * every role and member halo-sync does not manage. A reference to an agent created earlier in this
 * run is resolved from the create's result; if that create did not succeed the write is skipped
 * for that agent, never guessed.
 */
import { upsertAgents, upsertCabs, type HaloWrite, type WriteResult } from '../halo/index.js';
import type { AgentRef, AgentRolesWrite, CabWrite } from '../plan/types.js';
import { operationError } from './errors.js';
import { chunks, type OperationDraft, type RunState } from './run-state.js';
import type { Phase } from './types.js';

interface Prepared {
  draft: OperationDraft;
  body: HaloWrite;
}

function resolve(run: RunState, ref: AgentRef): number | undefined {
  return 'haloId' in ref ? ref.haloId : run.createdAgents.get(ref.googleId);
}

/** Sends prepared updates in batches; one operation per prepared write. */
async function send(
  run: RunState,
  phase: Phase,
  endpoint: string,
  prepared: readonly Prepared[],
  upsert: (records: HaloWrite[]) => Promise<Array<WriteResult<unknown>>>,
): Promise<void> {
  for (const chunk of chunks(prepared, run.client.batchSize)) {
    if (run.stopped) {
      for (const p of chunk) run.notAttempted(p.draft);
      continue;
    }
    const batch = run.batch(phase, endpoint, chunk.length);
    const results = await upsert(chunk.map((p) => p.body));
    chunk.forEach((p, i) => {
      const result = results[i];
      if (result?.ok) run.record(p.draft, { outcome: 'applied', batch });
      else run.record(p.draft, { outcome: 'failed', batch, error: operationError(result?.error ?? 'no result for this write', false) });
    });
  }
}

export async function writeRoles(run: RunState, phase: Phase, writes: readonly AgentRolesWrite[]): Promise<void> {
  if (writes.length > 0) run.progress({ type: 'phase', phase, records: writes.length });
  const prepared: Prepared[] = [];
  for (const write of writes) {
    const googleId = 'googleId' in write.agent ? write.agent.googleId : null;
    const agentId = resolve(run, write.agent);
    const draft: OperationDraft = { phase, kind: 'roles', subject: 'agent', changes: [...write.changes], email: write.email, googleId, haloId: agentId ?? null };
    if (agentId === undefined) {
      run.record(draft, { outcome: 'skipped', note: `role set not written: ${run.whyNoAgent(googleId ?? '')}` });
      continue;
    }
    prepared.push({ draft, body: { id: agentId, roles: write.roleIds.map((id) => ({ id })) } });
  }
  await send(run, phase, 'POST /api/Agent', prepared, (records) => upsertAgents(run.client, records, { agentIdField: run.agentIdField }));
}

export async function writeCabs(run: RunState, phase: Phase, writes: readonly CabWrite[]): Promise<void> {
  if (writes.length > 0) run.progress({ type: 'phase', phase, records: writes.length });
  const prepared: Prepared[] = [];
  for (const write of writes) {
    const cab = { id: write.cabId, name: write.cabName };
    const members = [...write.keep];
    const seated = new Set(write.keep.map((m) => Number(m.agent_id)).filter((id) => Number.isInteger(id) && id > 0));
    const skippedChanges = new Set<number>();
    for (const ref of write.add) {
      const agentId = resolve(run, ref);
      if (agentId !== undefined) {
        if (!seated.has(agentId)) members.push({ agent_id: agentId });
        seated.add(agentId);
        continue;
      }
      const googleId = 'googleId' in ref ? ref.googleId : '';
      // The seat's own change, when this write carries it (a removal write re-sends earlier
      // additions as part of the full list; those were already reported in the additions phase).
      const own = write.changes.filter((i) => run.change(i)?.googleId === googleId);
      if (own.length === 0) continue;
      own.forEach((i) => skippedChanges.add(i));
      const email = run.change(own[0] as number)?.email ?? null;
      run.record(
        { phase, kind: 'cab-members', subject: 'cab', changes: own, email, googleId, haloId: null, cab },
        { outcome: 'skipped', note: `CAB seat on ${write.cabName} not given: ${run.whyNoAgent(googleId)}` },
      );
    }
    const changes = write.changes.filter((i) => !skippedChanges.has(i));
    if (changes.length === 0) continue; // every seat it was to give was skipped: nothing left to write
    const draft: OperationDraft = { phase, kind: 'cab-members', subject: 'cab', changes, email: null, googleId: null, haloId: write.cabId, cab };
    prepared.push({ draft, body: { id: write.cabId, members } });
  }
  await send(run, phase, 'POST /api/CAB', prepared, (records) => upsertCabs(run.client, records));
}
