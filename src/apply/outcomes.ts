/**
 * From operations to what people reviewed: each plan change's outcome, and the counts the report
 * and the status file show. A change is applied only when every operation carrying it was; one
 * failure makes it failed; otherwise one operation not attempted makes it not attempted, and one
 * skipped makes it skipped.
 */
import type { ApplyCounts, ChangeOutcome, Operation, OperationOutcome } from './types.js';

const RANK: Record<OperationOutcome, number> = { applied: 0, skipped: 1, 'not-attempted': 2, failed: 3 };

export function changeOutcomes(changeCount: number, operations: readonly Operation[]): ChangeOutcome[] {
  const out: ChangeOutcome[] = Array.from({ length: changeCount }, (_, index) => ({ index, outcome: 'applied' as OperationOutcome, operations: [] as number[] }));
  for (const op of operations) {
    for (const index of op.changes) {
      const entry = out[index];
      if (!entry) continue;
      entry.operations.push(op.seq);
      if (RANK[op.outcome] > RANK[entry.outcome]) entry.outcome = op.outcome;
    }
  }
  return out;
}

export function countOutcomes(changes: readonly ChangeOutcome[]): ApplyCounts {
  const counts: ApplyCounts = { applied: 0, failed: 0, skipped: 0, notAttempted: 0 };
  for (const c of changes) {
    if (c.outcome === 'not-attempted') counts.notAttempted += 1;
    else counts[c.outcome] += 1;
  }
  return counts;
}

/** Changes no operation carried out (would be a planner/apply mismatch): indexes, in plan order. */
export function uncovered(changeCount: number, operations: readonly Operation[]): number[] {
  const covered = new Set(operations.flatMap((op) => op.changes));
  return Array.from({ length: changeCount }, (_, i) => i).filter((i) => !covered.has(i));
}
