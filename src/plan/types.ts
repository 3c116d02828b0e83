/**
 * The plan: the product people review. Its JSON form (formatVersion 1) is a public contract
 * (DESIGN.md "Plan JSON"): every key below is emitted on every change (null / [] when empty) so
 * consumers never have to guess whether a key exists.
 */

export type ChangeSubject = 'user' | 'agent' | 'settings';
export type ChangeAction = 'create' | 'update' | 'link' | 'deactivate' | 'reactivate' | 'roles' | 'cabs' | 'settings';

/** A JSON scalar as it appears in a field change. */
export type FieldValue = string | number | boolean | null;

export interface FieldChange {
  /** Halo field name (`title`, `emailaddress`, `site`, `custom:Employee ID`, …). */
  field: string;
  before: FieldValue;
  after: FieldValue;
}

export interface SetDelta {
  add: string[];
  remove: string[];
}

export interface Change {
  subject: ChangeSubject;
  action: ChangeAction;
  googleId: string | null;
  email: string | null;
  /** Null for records created by this plan. */
  haloId: number | null;
  /** The mapping that placed the person; null for settings and for people no mapping places. */
  mapping: string | null;
  /** Why, in one sentence a reviewer can check ("suspended in Google; lifecycle.suspended is deactivate"). */
  reason: string;
  fields: FieldChange[];
  /** Role names. */
  roles: SetDelta;
  /** CAB names. */
  cabs: SetDelta;
}

export interface ImportSummary {
  create: number;
  update: number;
  link: number;
  deactivate: number;
  reactivate: number;
}

export interface PlanSummary {
  users: ImportSummary;
  agents: ImportSummary;
  /** (agent, role) pairs, including default roles given at creation. */
  roles: { add: number; remove: number };
  /** (agent, CAB) pairs. */
  cabs: { add: number; remove: number };
  settings: { update: number };
}

export interface PlanWarning {
  /** Stable code, e.g. `ambiguous-match`, `incomplete-read`, `two-writers`, `protected-agent`. */
  code: string;
  message: string;
  email?: string;
  googleId?: string;
}

export interface SafetyViolation {
  code: 'max-deactivations' | 'max-deactivation-percent';
  message: string;
  limit: number;
  actual: number;
}

export interface SafetyVerdict {
  ok: boolean;
  violations: SafetyViolation[];
}

export interface Plan {
  formatVersion: 1;
  configDigest: string;
  snapshotDigest: string;
  summary: PlanSummary;
  /** Sorted deterministically: settings, creates, links, reactivations, updates, roles, CABs, deactivations last. */
  changes: Change[];
  warnings: PlanWarning[];
  safety: SafetyVerdict;
}

/**
 * How to carry out a plan against Halo, computed by the planner alongside the plan (pure data, not
 * part of the plan JSON). Apply executes the phases in this order so that a run stopping halfway
 * leaves people with access rather than without it. Each write names the plan changes it carries
 * out (indexes into `Plan.changes`) for the journal.
 */
export interface PlannedWrites {
  /** Fields of Halo's Control settings to POST (only those that differ). */
  settings: { body: Record<string, unknown>; changes: number[] } | null;
  /** Creates (no haloId) and links/reactivations/updates merged per record, users then agents. */
  users: RecordWrite[];
  agents: RecordWrite[];
  roleAdds: AgentRolesWrite[];
  cabAdds: CabWrite[];
  roleRemovals: AgentRolesWrite[];
  cabRemovals: CabWrite[];
  deactivations: { users: RecordWrite[]; agents: RecordWrite[] };
}

/** A record written by halo-sync; `haloId` absent means create. `body` never contains `id`. */
export interface RecordWrite {
  googleId: string;
  email: string;
  haloId?: number;
  body: Record<string, unknown>;
  changes: number[];
}

/** Refers to an agent that exists, or to one created earlier in the same apply (by Google id). */
export type AgentRef = { haloId: number } | { googleId: string };

/** An agent's complete role set after this phase (roles halo-sync does not manage are kept). */
export interface AgentRolesWrite {
  agent: AgentRef;
  email: string;
  roleIds: string[];
  changes: number[];
}

/** A CAB's complete member list after this phase (members halo-sync does not manage are kept as read). */
export interface CabWrite {
  cabId: number;
  cabName: string;
  /** Members kept verbatim from Halo, plus new `{ agent }` entries to resolve at apply time. */
  keep: Array<Record<string, unknown>>;
  add: AgentRef[];
  changes: number[];
}
