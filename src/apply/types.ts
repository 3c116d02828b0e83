/**
 * What apply does and what came of it. An operation is one record written (a user, an agent, an
 * agent's role set, a CAB's member list, the settings): the unit of the journal. Plan changes are
 * the unit of the report, because they are what people reviewed; each change's outcome is derived
 * from the operations that carry it out.
 */
import type { Plan } from '../plan/types.js';

/** In execution order (access-preserving: additions before removals, deactivations last). */
export const PHASES = [
  'settings',
  'users',
  'agents',
  'role-adds',
  'cab-adds',
  'role-removals',
  'cab-removals',
  'user-deactivations',
  'agent-deactivations',
] as const;

export type Phase = (typeof PHASES)[number];

export type OperationKind = 'settings' | 'create' | 'update' | 'roles' | 'cab-members' | 'deactivate';

/**
 * applied: Halo confirmed it (or a re-read found it). failed: Halo refused it or may not have saved
 * it. skipped: deliberately not sent (it depends on something that failed). not-attempted: the run
 * stopped before it (Halo stopped answering); the next run picks it up.
 */
export type OperationOutcome = 'applied' | 'failed' | 'skipped' | 'not-attempted';

/** An API failure as reported and journaled: the message is the client's, already redacted. */
export interface OperationError {
  service: string;
  method: string;
  path: string;
  status: number | null;
  message: string;
  /** The create may have been saved although it failed (lost response, timeout, 5xx). */
  ambiguous: boolean;
}

export interface RequestBatch {
  /** `b1`, `b2`, … in the order sent (unique within a run). */
  id: string;
  /** e.g. `POST /api/Users`. */
  endpoint: string;
  /** Records in the batch. */
  size: number;
}

export interface Operation {
  /** 1-based, in execution order. */
  seq: number;
  phase: Phase;
  kind: OperationKind;
  subject: 'user' | 'agent' | 'cab' | 'settings';
  /** Indexes into `plan.changes` this operation carries out. */
  changes: number[];
  email: string | null;
  googleId: string | null;
  /** The record written (known after a create succeeds). */
  haloId: number | null;
  /** CAB writes: which CAB. */
  cab: { id: number; name: string } | null;
  batch: RequestBatch | null;
  outcome: OperationOutcome;
  error: OperationError | null;
  /** Why it was skipped or not attempted, or how an ambiguous create was resolved. */
  note: string | null;
}

export interface ChangeOutcome {
  index: number;
  outcome: OperationOutcome;
  /** The operations that carried (or would have carried) this change out. */
  operations: number[];
}

export interface ApplyCounts {
  applied: number;
  failed: number;
  skipped: number;
  notAttempted: number;
}

export interface ApplyResult {
  plan: Plan;
  operations: Operation[];
  /** One per plan change, in plan order. */
  changes: ChangeOutcome[];
  /** Counted over plan changes. */
  counts: ApplyCounts;
  /** Set when the run stopped early because Halo stopped answering (the rest is not-attempted). */
  stopped: OperationError | null;
  startedAt: string;
  finishedAt: string;
}

export type ApplyProgressEvent =
  | { type: 'phase'; phase: Phase; records: number }
  | { type: 'recovery'; phase: Phase; records: number }
  | { type: 'stopped'; phase: Phase; error: OperationError };
