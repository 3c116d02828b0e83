/**
 * The state one planning run shares between its steps, and the intermediate per-record drafts the
 * steps fill in before the plan is sorted and the writes are derived.
 */
import type { Config, MatchKey } from '../config/types.js';
import type { ImportKind } from '../fields/halo-fields.js';
import type { HaloSnapshot } from '../model/halo.js';
import type { AccessRules, AccessState } from './access-rules.js';
import type { DirectoryView } from './directory-view.js';
import type { ResolvedField } from './fields.js';
import type { HoldLedger } from './holds.js';
import type { HaloRecord, RecordIndex } from './match.js';
import type { MappingTrace, ScopeMapping } from './placement.js';
import type { HaloRefs } from './references.js';
import type { Change, FieldValue, PlanWarning } from './types.js';

export interface ImportSpec {
  kind: ImportKind;
  subject: 'user' | 'agent';
  mappings: ScopeMapping[];
  records: readonly HaloRecord[];
  index: RecordIndex;
  /** `googleworkplace_id` for users, `matching.agentIdField` for agents. */
  idField: string;
  /** `emailaddress` for users, `email` for agents. */
  emailField: string;
  /** `inactive` for users, `isdisabled` for agents. */
  statusField: 'inactive' | 'isdisabled';
  matchKeys: readonly MatchKey[];
  fields: ResolvedField[];
}

/** Everything planned for one Halo record (existing or to be created). */
export interface RecordDraft {
  subject: 'user' | 'agent';
  googleId: string;
  email: string;
  haloId: number | null;
  mapping: string | null;
  record: HaloRecord | null;
  changes: Change[];
  /** The merged create/link/reactivate/update body (Halo field names, never `id`). */
  body: Record<string, unknown>;
  /** Agents: current role ids and the ids added/removed by this plan. */
  roleIds?: { current: string[]; add: string[]; remove: string[] };
  /** Agents: CAB ids (as text) joined/left by this plan. */
  cabIds?: { add: string[]; remove: string[] };
}

export interface AccessTrace {
  name: string;
  state: AccessState;
  /** Groups the person is in that grant it / all groups that could. */
  grantedBy: string[];
  groups: string[];
  /** Whether the record holds it now (null for a record yet to be created). */
  holds: boolean | null;
}

export type MatchHow = 'id' | 'email' | 'name' | 'ambiguous' | 'foreign-id' | 'duplicate-link' | 'create' | 'not-created';

export interface ImportTrace {
  kind: ImportKind;
  mappings: MappingTrace[];
  placedBy: string | null;
  /** Uncertain earlier mappings that held back a create/move/deactivation. */
  heldBy: string[];
  match: { how: MatchHow; haloId: number | null; detail: string } | null;
  desired: Array<{ field: string; from: string; value: FieldValue }>;
  roles: AccessTrace[];
  cabs: AccessTrace[];
  defaultRole: string | null;
  licence: { active: boolean; holding: string[]; activeRoles: string[]; note: string } | null;
  lifecycle: string[];
}

export interface PlanContext {
  config: Config;
  halo: HaloSnapshot;
  view: DirectoryView;
  refs: HaloRefs;
  access: AccessRules;
  /** Role ids that keep an agent licensed, and their names in config order. */
  activeRoleIds: Set<string>;
  activeRoleNames: string[];
  siteNames: Map<number, string>;
  /** CAB id (as text) → ids of the agents holding a seat now. */
  cabAgents: Map<string, Set<number>>;
  holds: HoldLedger;
  warnings: PlanWarning[];
  drafts: RecordDraft[];
  /** Google ids to record an ImportTrace for (explain); empty for a plain plan. */
  traceIds: ReadonlySet<string>;
  traces: Map<string, ImportTrace[]>;
}

export function newDraft(spec: ImportSpec, googleId: string, email: string, record: HaloRecord | null, mapping: string | null): RecordDraft {
  return { subject: spec.subject, googleId, email, haloId: record?.id ?? null, mapping, record, changes: [], body: {} };
}

/** A change with every contract key present (DESIGN.md "Plan JSON"). */
export function change(draft: RecordDraft, action: Change['action'], reason: string, extra: Partial<Pick<Change, 'fields' | 'roles' | 'cabs'>> = {}): Change {
  const c: Change = {
    subject: draft.subject,
    action,
    googleId: draft.googleId,
    email: draft.email,
    haloId: draft.haloId,
    mapping: draft.mapping,
    reason,
    fields: extra.fields ?? [],
    roles: extra.roles ?? { add: [], remove: [] },
    cabs: extra.cabs ?? { add: [], remove: [] },
  };
  draft.changes.push(c);
  return c;
}

export function isInactive(record: HaloRecord, spec: ImportSpec): boolean {
  return record[spec.statusField] === true;
}
