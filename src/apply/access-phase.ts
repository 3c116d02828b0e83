/**
 * Agent roles and CAB members, written as FULL sets (Halo's POST replaces these lists and its
 * merge behaviour is not documented): the planner computed each set from what Halo held, keeping
 * every role and member halo-sync does not manage. A reference to an agent created earlier in this
 * run is resolved from the create's result; if that create did not succeed the write is skipped
 * for that agent, never guessed.
 */
import { upsertAgents, upsertCabs } from '../halo/index.js';
import type { AgentRef, AgentRolesWrite, CabWrite } from '../plan/types.js';
import { sendWrites, type OperationDraft, type PreparedWrite, type RunState } from './run-state.js';
import type { Phase } from './types.js';

function resolve(run: RunState, ref: AgentRef): number | undefined {
  return 'haloId' in ref ? ref.haloId : run.createdAgents.get(ref.googleId);
}

export async function writeRoles(run: RunState, phase: Phase, writes: readonly AgentRolesWrite[]): Promise<void> {
  if (writes.length > 0) run.progress({ type: 'phase', phase, records: writes.length });
  const prepared: PreparedWrite[] = [];
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
  await sendWrites(run, phase, 'POST /api/Agent', prepared, (records) => upsertAgents(run.client, records, { agentIdField: run.agentIdField }), 'write');
}

export async function writeCabs(run: RunState, phase: Phase, writes: readonly CabWrite[]): Promise<void> {
  if (writes.length > 0) run.progress({ type: 'phase', phase, records: writes.length });
  const prepared: PreparedWrite[] = [];
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
  await sendWrites(run, phase, 'POST /api/CAB', prepared, (records) => upsertCabs(run.client, records), 'write');
}
