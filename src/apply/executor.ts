/**
 * The executor: carries out a reviewed plan against Halo, in an access-preserving order, so a run
 * that stops halfway leaves people with access rather than without it:
 *
 *   settings → users (creates, links, reactivations, updates) → agents (same) → role additions →
 *   CAB additions → role removals → CAB removals → user deactivations → agent deactivations
 *
 * Each record's outcome is its own (a refused record does not stop the others). If Halo stops
 * answering (network, 5xx or 429 after the client's retries, 401), the run stops: what is left is
 * reported "not attempted", and because apply always re-plans from fresh reads, running it again
 * picks up exactly where this one stopped, without duplicates.
 */
import { updateControl, type HaloClient } from '../halo/index.js';
import type { Change, Plan, PlannedWrites } from '../plan/types.js';
import { operationError } from './errors.js';
import { noJournal, type Journal } from './journal.js';
import { changeOutcomes, countOutcomes, uncovered } from './outcomes.js';
import { writeCabs, writeRoles } from './access-phase.js';
import { writeRecords } from './record-phase.js';
import { RunState, type OperationDraft } from './run-state.js';
import type { ApplyProgressEvent, ApplyResult, OperationKind } from './types.js';

export interface ExecuteOptions {
  /** `config.matching.agentIdField`: where agents keep their Google id. */
  agentIdField: string;
  journal?: Journal;
  onProgress?: (event: ApplyProgressEvent) => void;
  now?: () => Date;
}

export async function executePlan(plan: Plan, writes: PlannedWrites, client: HaloClient, options: ExecuteOptions): Promise<ApplyResult> {
  const now = options.now ?? (() => new Date());
  const startedAt = now().toISOString();
  const run = new RunState(plan, client, options.agentIdField, options.journal ?? noJournal, options.onProgress ?? (() => {}));

  await writeSettings(run, writes);
  await writeRecords(run, 'users', 'user', writes.users);
  await writeRecords(run, 'agents', 'agent', writes.agents);
  await writeRoles(run, 'role-adds', writes.roleAdds);
  await writeCabs(run, 'cab-adds', writes.cabAdds);
  await writeRoles(run, 'role-removals', writes.roleRemovals);
  await writeCabs(run, 'cab-removals', writes.cabRemovals);
  await writeRecords(run, 'user-deactivations', 'user', writes.deactivations.users);
  await writeRecords(run, 'agent-deactivations', 'agent', writes.deactivations.agents);

  // A change no write carries out would otherwise be silently "applied": say so instead.
  for (const index of uncovered(plan.changes.length, run.operations)) {
    const change = plan.changes[index] as Change;
    run.record(unplannedDraft(change, index), { outcome: 'skipped', note: 'no write was planned for this change (a halo-sync bug: please report it)' });
  }

  const changes = changeOutcomes(plan.changes.length, run.operations);
  return {
    plan,
    operations: run.operations,
    changes,
    counts: countOutcomes(changes),
    stopped: run.stopped,
    startedAt,
    finishedAt: now().toISOString(),
  };
}

async function writeSettings(run: RunState, writes: PlannedWrites): Promise<void> {
  const settings = writes.settings;
  if (!settings) return;
  run.progress({ type: 'phase', phase: 'settings', records: 1 });
  const draft: OperationDraft = { phase: 'settings', kind: 'settings', subject: 'settings', changes: [...settings.changes], email: null, googleId: null };
  const batch = run.batch('settings', 'POST /api/Control', 1);
  const result = await updateControl(run.client, settings.body);
  if (result.ok) run.record(draft, { outcome: 'applied', batch });
  else run.record(draft, { outcome: 'failed', batch, error: operationError(result.error, false) });
}

const KIND: Record<Change['action'], OperationKind> = {
  create: 'create', update: 'update', link: 'update', reactivate: 'update',
  deactivate: 'deactivate', roles: 'roles', cabs: 'cab-members', settings: 'settings',
};

function unplannedDraft(change: Change, index: number): OperationDraft {
  const phase = change.subject === 'settings' ? 'settings' : change.subject === 'user' ? 'users' : 'agents';
  return { phase, kind: KIND[change.action], subject: change.subject, changes: [index], email: change.email, googleId: change.googleId, haloId: change.haloId };
}
