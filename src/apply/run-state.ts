/**
 * The state one apply run carries between phases: the operations recorded so far (each journaled
 * the moment its outcome is known), the request batches sent, the agents created in this run (so
 * later phases can give them roles and CAB seats), and whether the run has stopped.
 */
import type { HaloClient, HaloWrite, WriteResult } from '../halo/index.js';
import type { Change, Plan } from '../plan/types.js';
import { haloUnavailable, operationError } from './errors.js';
import type { Journal } from './journal.js';
import type { ApplyProgressEvent, Operation, OperationError, Phase, RequestBatch } from './types.js';

export type OperationDraft = Omit<Operation, 'seq' | 'batch' | 'outcome' | 'error' | 'note' | 'haloId' | 'cab'> &
  Partial<Pick<Operation, 'haloId' | 'cab'>>;

export class RunState {
  readonly operations: Operation[] = [];
  stopped: OperationError | null = null;
  /** Google id → id of the agent this run created (or found after an ambiguous create). */
  readonly createdAgents = new Map<string, number>();
  /** Google id → the agent create that did not succeed, to explain what depends on it. */
  readonly agentCreateFailures = new Map<string, Operation>();
  private batches = 0;

  constructor(
    readonly plan: Plan,
    readonly client: HaloClient,
    readonly agentIdField: string,
    private readonly journal: Journal,
    private readonly onProgress: (event: ApplyProgressEvent) => void,
  ) {}

  change(index: number): Change | undefined {
    return this.plan.changes[index];
  }

  progress(event: ApplyProgressEvent): void {
    this.onProgress(event);
  }

  /** Names and journals a request batch before it is sent, so a crash shows what was in flight. */
  batch(phase: Phase, endpoint: string, size: number): RequestBatch {
    this.batches += 1;
    const batch = { id: `b${this.batches}`, endpoint, size };
    this.journal.entry('batch', { phase, batch });
    return batch;
  }

  record(draft: OperationDraft, result: Pick<Operation, 'outcome'> & Partial<Pick<Operation, 'batch' | 'error' | 'note' | 'haloId'>>): Operation {
    const op: Operation = {
      seq: this.operations.length + 1,
      ...draft,
      haloId: result.haloId ?? draft.haloId ?? null,
      cab: draft.cab ?? null,
      batch: result.batch ?? null,
      outcome: result.outcome,
      error: result.error ?? null,
      note: result.note ?? null,
    };
    this.operations.push(op);
    this.journal.entry('operation', { ...op, changes: op.changes.map((i) => this.describeChange(i)) });
    if (op.subject === 'agent' && op.kind === 'create' && op.googleId) {
      if (op.outcome === 'applied' && op.haloId !== null) this.createdAgents.set(op.googleId, op.haloId);
      else this.agentCreateFailures.set(op.googleId, op);
    }
    if (op.error && op.outcome === 'failed' && haloUnavailable(op.error)) this.stop(op.phase, op.error);
    return op;
  }

  /** Halo stopped answering: everything after this is left for the next run. */
  stop(phase: Phase, error: OperationError): void {
    if (this.stopped) return;
    this.stopped = error;
    this.progress({ type: 'stopped', phase, error });
  }

  /** Records operations the run will not try because it stopped. */
  notAttempted(draft: OperationDraft): Operation {
    const cause = this.stopped;
    return this.record(draft, {
      outcome: 'not-attempted',
      note: `not attempted: the run stopped after Halo failed (${cause ? cause.message : 'unknown error'})`,
    });
  }

  /** Why an agent that a later write refers to does not exist. */
  whyNoAgent(googleId: string): string {
    const failed = this.agentCreateFailures.get(googleId);
    if (!failed) return 'the agent was not created in this run (no create was planned for this Google id)';
    const detail = failed.error?.message ?? failed.note ?? failed.outcome;
    return `the agent was not created (${failed.outcome}: ${detail})`;
  }

  private describeChange(index: number) {
    const c = this.plan.changes[index];
    if (!c) return { index };
    return { index, subject: c.subject, action: c.action, email: c.email, googleId: c.googleId, haloId: c.haloId };
  }
}

/** Consecutive slices of at most `size` items. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += Math.max(1, size)) out.push(items.slice(i, i + Math.max(1, size)));
  return out;
}

/** One write ready to send: the operation it records and the body Halo gets. */
export interface PreparedWrite {
  draft: OperationDraft;
  body: HaloWrite;
}

/**
 * Sends writes that are safe to repeat (updates, deactivations, role and CAB sets) in batches of the
 * client's size, one operation per write: applied or failed (a write the client gave no result for
 * failed, with `no result for this <what>`). Once the run has stopped, the rest are not attempted.
 */
export async function sendWrites(
  run: RunState,
  phase: Phase,
  endpoint: string,
  prepared: readonly PreparedWrite[],
  upsert: (records: HaloWrite[]) => Promise<Array<WriteResult<unknown>>>,
  what: 'write' | 'record',
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
      else run.record(p.draft, { outcome: 'failed', batch, error: operationError(result?.error ?? `no result for this ${what}`, false) });
    });
  }
}
