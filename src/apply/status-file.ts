/**
 * The status file (`--status-file FILE`): what Halo's own Integrator shows as "last sync" and
 * "last error", for dashboards and monitors. One small JSON object, replaced atomically at the end
 * of every run (applied, partial, failed, no changes, refused), so a reader never sees half of it.
 */
import { rename, writeFile } from 'node:fs/promises';
import { redactSecrets } from '../diagnostics/redact.js';
import type { ApplyCounts, ApplyResult } from './types.js';

export type RunOutcome = 'applied' | 'partial' | 'failed' | 'no-changes' | 'refused';

export interface ApplyStatus {
  /** When the run finished (ISO 8601). */
  lastRun: string;
  outcome: RunOutcome;
  /** Over plan changes. */
  counts: ApplyCounts;
  lastError: string | null;
  commit: string | null;
  configFile: string;
  configDigest: string | null;
  runId: string;
}

export const ZERO_COUNTS: ApplyCounts = { applied: 0, failed: 0, skipped: 0, notAttempted: 0 };

/** applied: every change applied; failed: none applied; partial: some of each. */
export function resultOutcome(result: ApplyResult): RunOutcome {
  const { applied, failed, skipped, notAttempted } = result.counts;
  if (failed + skipped + notAttempted === 0) return 'applied';
  return applied === 0 ? 'failed' : 'partial';
}

/** The error people should see first: why the run stopped, else the first failure. */
export function firstError(result: ApplyResult): string | null {
  if (result.stopped) return result.stopped.message;
  const failed = result.operations.find((op) => op.outcome === 'failed');
  if (failed) return failed.error?.message ?? failed.note ?? 'failed';
  const skipped = result.operations.find((op) => op.outcome === 'skipped');
  return skipped?.note ?? null;
}

export async function writeStatusFile(path: string, status: ApplyStatus, secrets: ReadonlyArray<string | undefined> = []): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, redactSecrets(`${JSON.stringify(status, null, 2)}\n`, secrets), { encoding: 'utf8', mode: 0o600 });
  await rename(temporary, path);
}
