/**
 * Creates whose outcome is unknown (the request may have reached Halo: lost response, timeout,
 * 5xx). Creating again blindly is how duplicates are made, so:
 *   1. re-read Halo for these people (the client's lookups filter exactly on the Google id field);
 *      a record holding the person's Google id IS the create: count it applied, with its id;
 *   2. create the rest once more;
 *   3. still unknown: failed, saying the record may or may not exist. The next run re-plans from a
 *      fresh read, which matches such a record by its Google id, so it is never created twice.
 * Only the Google id counts as proof: every create halo-sync sends carries it, while a record with
 * the same email may be someone else's (matching by email is the planner's decision, not ours).
 */
import { isAmbiguousWrite } from '../halo/index.js';
import type { RecordWrite } from '../plan/types.js';
import { AMBIGUOUS_NOTE, haloUnavailable, operationError } from './errors.js';
import { recordDraft, type RecordKind } from './record-kind.js';
import type { RunState } from './run-state.js';
import type { Phase, RequestBatch } from './types.js';

export async function recoverCreates(
  run: RunState,
  phase: Phase,
  kind: RecordKind,
  unsure: ReadonlyArray<{ write: RecordWrite; error: unknown }>,
  firstBatch: RequestBatch,
): Promise<void> {
  const draft = (w: RecordWrite) => recordDraft(phase, kind.subject, w, 'create');
  run.progress({ type: 'recovery', phase, records: unsure.length });
  let found: Awaited<ReturnType<RecordKind['find']>>;
  try {
    found = await kind.find(unsure.map(({ write }) => ({ googleId: write.googleId, email: write.email })));
  } catch (lookupError) {
    const lookup = operationError(lookupError);
    for (const { write, error } of unsure) {
      run.record(draft(write), {
        outcome: 'failed',
        batch: firstBatch,
        error: operationError(error, true),
        note: `${AMBIGUOUS_NOTE} (re-reading Halo to check failed: ${lookup.message})`,
      });
    }
    if (haloUnavailable(lookup)) run.stop(phase, lookup);
    return;
  }

  const again: RecordWrite[] = [];
  unsure.forEach(({ write }, i) => {
    const ids = (found[i] ?? []).filter((r) => kind.googleIdOf(r) === write.googleId.trim()).map((r) => r.id).sort((a, b) => a - b);
    const id = ids[0];
    if (id === undefined) return again.push(write);
    const extra = ids.length > 1 ? `; Halo holds ${ids.length} records with this Google id (${ids.join(', ')}): check them` : '';
    run.record(draft(write), {
      outcome: 'applied',
      batch: firstBatch,
      haloId: id,
      note: `the create's answer was lost; re-reading Halo found the record (id ${id}), so it was not created again${extra}`,
    });
  });
  if (again.length === 0) return;
  if (run.stopped) {
    for (const write of again) run.notAttempted(draft(write));
    return;
  }

  const batch = run.batch(phase, kind.endpoint, again.length);
  const results = await kind.upsert(again.map((w) => ({ ...w.body })));
  again.forEach((write, i) => {
    const result = results[i];
    if (result?.ok) {
      run.record(draft(write), {
        outcome: 'applied',
        batch,
        haloId: result.saved.id,
        note: 'created on the second attempt (the first attempt got no answer and re-reading Halo found no record)',
      });
    } else {
      const error = result?.error ?? 'no result for this record';
      const ambiguous = result ? result.ambiguous : isAmbiguousWrite(error);
      const note = ambiguous ? `sent twice (a re-read between the attempts found no record) and unconfirmed both times: it ${AMBIGUOUS_NOTE}` : null;
      run.record(draft(write), { outcome: 'failed', batch, error: operationError(error, ambiguous), note });
    }
  });
}
