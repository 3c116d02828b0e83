/**
 * `apply` as a use case, shared by the CLI and the GitHub Action. Apply never trusts a plan it did
 * not just make: it always re-reads both sides and re-plans, then
 *   - with a reviewed plan (`--plan`): refuses (exit 3) an unsafe plan, and refuses (exit 3) unless
 *     the fresh plan's changes and safety verdict are identical to the reviewed ones (stale plan);
 *   - without: refuses (exit 3) a plan over the safety limits, then needs approval (a "yes" on a
 *     terminal, or --yes).
 * There is no force flag: going over a limit means raising it in the config, through review.
 * Then it executes the writes (src/apply), journals every operation, and records the run's status.
 */
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { executePlan, openJournalFile, type ApplyProgressEvent, type ApplyResult, type JournalFile } from '../apply/index.js';
import { firstError, resultOutcome, writeStatusFile, ZERO_COUNTS, type ApplyStatus, type RunOutcome } from '../apply/status-file.js';
import { EXIT } from '../cli/exit-codes.js';
import { ExitError, HaloSyncError } from '../diagnostics/errors.js';
import type { Plan } from '../plan/types.js';
import { PHASE_NAMES } from '../render/apply-report.js';
import { acquireApplyLock, defaultLockPath, describeTakeover, type ApplyLock } from './apply-lock.js';
import { checkPlan, checkWritable, readReviewedPlan, unsafeRefusal, type Refusal } from './apply-checks.js';
import type { Clients } from './clients.js';
import { configCommit, type CommitInfo } from './git-commit.js';
import type { ProgressReporter } from './progress.js';
import { computePlan, type ComputedPlan } from './run-plan.js';

export interface ApplyRequest {
  configFile: string;
  cwd: string;
  env: Record<string, string | undefined>;
  progress: ProgressReporter;
  /** A reviewed plan file (`--plan`): apply exactly it, or nothing. */
  planFile?: string;
  /** `--yes`: apply without asking. */
  yes?: boolean;
  /** Asks on a terminal; absent when not on one (then --yes or --plan is required). */
  confirm?: (question: string) => Promise<boolean>;
  journalFile?: string;
  statusFile?: string;
  /** Default `.halo-sync/apply.lock` beside the config; false for a private sandbox (the demo). */
  lockFile?: string | false;
  /** Reuse clients (tests, the demo); otherwise made from the config and env. */
  clients?: Clients;
  /** Called once the plan to apply is known and checked, before any write: show it. */
  onPlan?: (computed: ComputedPlan) => void;
  /** One-line notices for stderr (stale lock taken over, journal location). */
  onNote?: (text: string) => void;
  now?: () => Date;
}

export type ApplyOutcome =
  | { kind: 'no-changes' }
  | ({ kind: 'refused' } & Refusal)
  | { kind: 'cancelled' }
  | { kind: 'applied'; result: ApplyResult };

export interface ApplyRun {
  runId: string;
  outcome: ApplyOutcome;
  /** The fresh plan and what made it; null when refused before reading (an unsafe reviewed plan). */
  computed: ComputedPlan | null;
  /** The reviewed plan, with --plan. */
  reviewed: Plan | null;
  commit: CommitInfo | null;
  status: ApplyStatus;
  exitCode: number;
}

const CONFIRM_QUESTION =
  "Do you want to perform these actions?\n  halo-sync will perform the actions described above.\n  Only 'yes' will be accepted to approve.\n\n  Enter a value: ";

function applyExitCode(outcome: ApplyOutcome): number {
  switch (outcome.kind) {
    case 'no-changes':
      return EXIT.ok;
    case 'refused':
      return EXIT.refused;
    case 'cancelled':
      return EXIT.error;
    case 'applied':
      return resultOutcome(outcome.result) === 'applied' ? EXIT.ok : EXIT.error;
  }
}

export async function runApply(request: ApplyRequest): Promise<ApplyRun> {
  const now = request.now ?? (() => new Date());
  const runId = randomUUID();
  const configPath = resolve(request.cwd, request.configFile);
  const secrets = [request.env.HALO_CLIENT_SECRET, request.env.GOOGLE_ACCESS_TOKEN];
  const statusPath = request.statusFile ? resolve(request.cwd, request.statusFile) : undefined;
  const commit = await configCommit(configPath, request.env);
  let computed: ComputedPlan | null = null;
  let reviewed: Plan | null = null;

  const finish = async (outcome: ApplyOutcome, lastError: string | null = null): Promise<ApplyRun> => {
    const result = outcome.kind === 'applied' ? outcome.result : null;
    const kind: RunOutcome = result ? resultOutcome(result) : outcome.kind === 'no-changes' ? 'no-changes' : 'refused';
    const status = statusOf(kind, result, lastError ?? (outcome.kind === 'refused' ? outcome.message : outcome.kind === 'cancelled' ? 'apply cancelled at the prompt' : null));
    // After writes to Halo, a status file that cannot be written must not hide the report: say so.
    if (statusPath) await writeStatusFile(statusPath, status, secrets).catch((e: unknown) => request.onNote?.(`warning: could not write the status file ${statusPath}: ${(e as Error).message}`));
    return { runId, outcome, computed, reviewed, commit, status, exitCode: applyExitCode(outcome) };
  };
  const statusOf = (outcome: RunOutcome, result: ApplyResult | null, lastError: string | null): ApplyStatus => ({
    lastRun: now().toISOString(),
    outcome,
    counts: result ? result.counts : { ...ZERO_COUNTS },
    lastError: result ? (lastError ?? firstError(result)) : lastError,
    commit: commit?.sha ?? null,
    configFile: request.configFile,
    configDigest: computed?.plan.configDigest ?? reviewed?.configDigest ?? null,
    runId,
  });

  let lock: ApplyLock | undefined;
  let journal: JournalFile | undefined;
  try {
    if (!request.planFile && !request.yes && !request.confirm) {
      throw new ExitError(EXIT.error, 'apply is not running on a terminal, so it cannot ask for approval: pass --yes to apply the fresh plan, or --plan FILE to apply a reviewed plan.');
    }
    const journalPath = request.journalFile ? resolve(request.cwd, request.journalFile) : undefined;
    if (journalPath) await checkWritable(journalPath, 'journal');
    if (statusPath) await checkWritable(statusPath, 'status file');
    if (request.planFile) {
      reviewed = await readReviewedPlan(resolve(request.cwd, request.planFile));
      if (!reviewed.safety.ok) return await finish({ kind: 'refused', ...unsafeRefusal(reviewed, `The reviewed plan (${request.planFile})`) });
    }
    if (request.lockFile !== false) {
      lock = await acquireApplyLock(request.lockFile ?? defaultLockPath(configPath), { configFile: request.configFile, commit: commit?.sha ?? null, now });
      const takeover = describeTakeover(lock);
      if (takeover) request.onNote?.(takeover);
    }
    // Without clients, computePlan makes them (one Halo client for planning and writing; backoff from the env).
    computed = await computePlan({ configFile: request.configFile, cwd: request.cwd, env: request.env, progress: request.progress, ...(request.clients ? { clients: request.clients } : {}) });
    const refusal = checkPlan(computed.plan, reviewed, request.planFile);
    // An unsafe plan is still shown in full (what would have happened); a stale one shows its differences instead.
    if (refusal?.reason !== 'stale') request.onPlan?.(computed);
    if (refusal) return await finish({ kind: 'refused', ...refusal });
    if (computed.plan.changes.length === 0) return await finish({ kind: 'no-changes' });
    if (!request.planFile && !request.yes && !(await request.confirm?.(CONFIRM_QUESTION))) return await finish({ kind: 'cancelled' });

    if (journalPath) {
      journal = openJournal(journalPath, { runId, now, secrets });
      journal.entry('start', {
        mode: request.planFile ? 'reviewed-plan' : 'plan-and-apply',
        planFile: request.planFile ?? null,
        configFile: request.configFile,
        configDigest: computed.plan.configDigest,
        snapshotDigest: computed.plan.snapshotDigest,
        commit,
        summary: computed.plan.summary,
        changes: computed.plan.changes.length,
      });
    }
    const result = await executePlan(computed.plan, computed.writes, computed.clients.halo, {
      agentIdField: computed.loaded.config.matching.agentIdField,
      ...(journal ? { journal } : {}),
      onProgress: (event) => request.progress.note(describeApplyProgress(event)),
      now,
    });
    request.progress.done();
    journal?.entry('end', { outcome: resultOutcome(result), counts: result.counts, stopped: result.stopped, operations: result.operations.length });
    return await finish({ kind: 'applied', result });
  } catch (error) {
    // Best effort: the status file and the journal say the run failed, then the error goes on up.
    const message = error instanceof Error ? error.message : String(error);
    journal?.entry('end', { outcome: 'failed', error: message });
    if (statusPath) await writeStatusFile(statusPath, statusOf(error instanceof ExitError ? 'refused' : 'failed', null, message), secrets).catch(() => undefined);
    throw error;
  } finally {
    journal?.close();
    await lock?.release();
  }
}

function openJournal(path: string, options: Parameters<typeof openJournalFile>[1]): JournalFile {
  try {
    return openJournalFile(path, options);
  } catch (error) {
    throw new HaloSyncError(`cannot open the journal ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); nothing was written to Halo`);
  }
}

function describeApplyProgress(event: ApplyProgressEvent): string {
  switch (event.type) {
    case 'phase':
      return `Applying ${PHASE_NAMES[event.phase]}: ${event.records} write${event.records === 1 ? '' : 's'}`;
    case 'recovery':
      return `Halo gave no answer for ${event.records} create(s) in ${PHASE_NAMES[event.phase]}: re-reading Halo by Google id before creating again`;
    case 'stopped':
      return `Halo stopped answering (${event.error.message}); the rest is left for the next run`;
  }
}
