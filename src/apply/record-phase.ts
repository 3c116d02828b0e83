/**
 * Writing users and agents: creates, then links / reactivations / updates (each record's merged
 * body), and the deactivations of the last phases. Batched through the Halo client, one request
 * per batch (creates and updates are batched apart: the client never repeats a create, but it
 * retries updates, which are safe to repeat). Every record gets its own outcome.
 *
 * A create whose request may have reached Halo without an answer (lost response, timeout, 5xx) is
 * never sent again blindly: Halo is re-read by Google id first (see recover-creates.ts).
 */
import type { RecordWrite } from '../plan/types.js';
import { operationError } from './errors.js';
import { recordDraft, recordKind, type RecordKind } from './record-kind.js';
import { recoverCreates } from './recover-creates.js';
import { chunks, sendWrites, type RunState } from './run-state.js';
import type { Phase } from './types.js';

export async function writeRecords(run: RunState, phase: Phase, subject: 'user' | 'agent', writes: readonly RecordWrite[]): Promise<void> {
  const creates = writes.filter((w) => w.haloId === undefined);
  const updates = writes.filter((w) => w.haloId !== undefined);
  const kind = recordKind(run, subject);
  if (writes.length > 0) run.progress({ type: 'phase', phase, records: writes.length });
  for (const chunk of chunks(creates, run.client.batchSize)) await createChunk(run, phase, kind, chunk);
  const updateKind = phase === 'user-deactivations' || phase === 'agent-deactivations' ? 'deactivate' : 'update';
  const prepared = updates.map((w) => ({ draft: recordDraft(phase, kind.subject, w, updateKind), body: { ...w.body, id: w.haloId } }));
  await sendWrites(run, phase, kind.endpoint, prepared, kind.upsert, 'record');
}

async function createChunk(run: RunState, phase: Phase, kind: RecordKind, chunk: readonly RecordWrite[]): Promise<void> {
  const draft = (w: RecordWrite) => recordDraft(phase, kind.subject, w, 'create');
  if (run.stopped) {
    for (const w of chunk) run.notAttempted(draft(w));
    return;
  }
  const batch = run.batch(phase, kind.endpoint, chunk.length);
  const results = await kind.upsert(chunk.map((w) => ({ ...w.body })));
  const unsure: Array<{ write: RecordWrite; error: unknown }> = [];
  chunk.forEach((write, i) => {
    const result = results[i];
    if (result?.ok) run.record(draft(write), { outcome: 'applied', batch, haloId: result.saved.id });
    else if (result && result.ambiguous) unsure.push({ write, error: result.error });
    else run.record(draft(write), { outcome: 'failed', batch, error: operationError(result?.error ?? 'no result for this record', false) });
  });
  if (unsure.length > 0) await recoverCreates(run, phase, kind, unsure, batch);
}
