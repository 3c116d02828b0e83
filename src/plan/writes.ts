/**
 * PlannedWrites: how apply carries the plan out, derived from the same drafts as the plan so the
 * two cannot disagree. Every write names the plan changes it performs (indexes into plan.changes).
 * Role and CAB writes carry COMPLETE sets, because Halo's POST replaces lists: roles and CAB
 * members halo-sync does not manage are copied through untouched.
 */
import type { HaloSnapshot } from '../model/halo.js';
import type { RecordDraft } from './context.js';
import type { AgentRef, AgentRolesWrite, CabWrite, Change, PlannedWrites, RecordWrite } from './types.js';

const UPSERT: ReadonlySet<Change['action']> = new Set(['create', 'link', 'reactivate', 'update']);

interface CabDelta {
  add: Array<{ agent: AgentRef; change: number }>;
  addChanges: Set<number>;
  removeAgents: Set<number>;
  removeChanges: Set<number>;
}

function ref(draft: RecordDraft): AgentRef {
  return draft.haloId !== null ? { haloId: draft.haloId } : { googleId: draft.googleId };
}

function recordWrite(draft: RecordDraft, body: Record<string, unknown>, changes: number[]): RecordWrite {
  const { id: _never, ...safe } = body;
  return { googleId: draft.googleId, email: draft.email, ...(draft.haloId !== null ? { haloId: draft.haloId } : {}), body: safe, changes };
}

const firstChange = (a: { changes: number[] }, b: { changes: number[] }) => (a.changes[0] ?? 0) - (b.changes[0] ?? 0);

export function plannedWrites(
  drafts: readonly RecordDraft[],
  indexOf: ReadonlyMap<Change, number>,
  settings: { body: Record<string, unknown>; change: Change } | null,
  halo: HaloSnapshot,
): PlannedWrites {
  const writes: PlannedWrites = {
    settings: settings ? { body: settings.body, changes: [indexOf.get(settings.change) ?? -1] } : null,
    users: [], agents: [], roleAdds: [], cabAdds: [], roleRemovals: [], cabRemovals: [],
    deactivations: { users: [], agents: [] },
  };
  const cabDeltas = new Map<string, CabDelta>();
  const idx = (c: Change) => indexOf.get(c) ?? -1;

  for (const draft of drafts) {
    const agent = draft.subject === 'agent';
    const upserts = draft.changes.filter((c) => UPSERT.has(c.action)).map(idx).sort((a, b) => a - b);
    if (upserts.length > 0) (agent ? writes.agents : writes.users).push(recordWrite(draft, draft.body, upserts));

    const roles = draft.changes.find((c) => c.action === 'roles');
    if (roles && draft.roleIds && draft.haloId !== null) {
      const { current, add, remove } = draft.roleIds;
      const afterAdds = [...current, ...add.filter((id) => !current.includes(id)).sort()];
      const agentRef = { haloId: draft.haloId };
      if (add.length > 0) writes.roleAdds.push({ agent: agentRef, email: draft.email, roleIds: afterAdds, changes: [idx(roles)] });
      if (remove.length > 0) {
        writes.roleRemovals.push({ agent: agentRef, email: draft.email, roleIds: afterAdds.filter((id) => !remove.includes(id)), changes: [idx(roles)] });
      }
    }

    const cabs = draft.changes.find((c) => c.action === 'cabs');
    if (cabs && draft.cabIds) {
      const delta = (id: string) => {
        let d = cabDeltas.get(id);
        if (!d) cabDeltas.set(id, (d = { add: [], addChanges: new Set(), removeAgents: new Set(), removeChanges: new Set() }));
        return d;
      };
      for (const id of draft.cabIds.add) {
        const d = delta(id);
        d.add.push({ agent: ref(draft), change: idx(cabs) });
        d.addChanges.add(idx(cabs));
      }
      for (const id of draft.cabIds.remove) {
        const d = delta(id);
        if (draft.haloId !== null) d.removeAgents.add(draft.haloId);
        d.removeChanges.add(idx(cabs));
      }
    }

    const deactivate = draft.changes.find((c) => c.action === 'deactivate');
    if (deactivate) {
      const status = agent ? 'isdisabled' : 'inactive';
      (agent ? writes.deactivations.agents : writes.deactivations.users).push(recordWrite(draft, { [status]: true }, [idx(deactivate)]));
    }
  }

  const cabById = new Map(halo.cabs.map((c) => [String(c.id), c]));
  for (const id of [...cabDeltas.keys()].sort((a, b) => Number(a) - Number(b))) {
    const d = cabDeltas.get(id)!;
    const cab = cabById.get(id);
    if (!cab) continue;
    const members = (cab.members ?? []) as Array<Record<string, unknown>>;
    const sorted = (s: Set<number>) => [...s].sort((a, b) => a - b);
    const add = d.add.sort((a, b) => a.change - b.change).map((a) => a.agent);
    if (add.length > 0) writes.cabAdds.push({ cabId: cab.id, cabName: cab.name, keep: [...members], add, changes: sorted(d.addChanges) });
    if (d.removeChanges.size > 0) {
      const keep = members.filter((m) => !(m.agent_id !== null && m.agent_id !== undefined && d.removeAgents.has(Number(m.agent_id))));
      writes.cabRemovals.push({ cabId: cab.id, cabName: cab.name, keep, add: [...add], changes: sorted(d.removeChanges) });
    }
  }

  for (const list of [writes.users, writes.agents, writes.deactivations.users, writes.deactivations.agents]) list.sort(firstChange);
  for (const list of [writes.roleAdds, writes.roleRemovals] as AgentRolesWrite[][]) list.sort(firstChange);
  for (const list of [writes.cabAdds, writes.cabRemovals] as CabWrite[][]) list.sort((a, b) => a.cabId - b.cabId);
  return writes;
}
