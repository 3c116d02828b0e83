/**
 * explainPerson: everything about one person, for `halo-sync explain EMAIL`. It runs the same
 * planner with a trace switched on for that person, so the explanation cannot disagree with the
 * plan: every mapping and its filter trace, who placed them (first wins), how they match in Halo,
 * desired fields, roles and CABs with the groups that grant them, the licence verdict, and the
 * planned changes and warnings that concern them.
 */
import type { LoadedConfig } from '../config/types.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { DirectorySnapshot, DirectoryUser } from '../model/directory.js';
import type { HaloSnapshot } from '../model/halo.js';
import { analyse } from './build.js';
import type { ImportTrace } from './context.js';
import { foldEmail, recordIdentity } from './text.js';
import type { Change, PlanWarning } from './types.js';

export interface ExplainedPerson {
  googleId: string;
  primaryEmail: string;
  name: string | null;
  orgUnitPath: string;
  customerId: string | null;
  suspended: boolean;
  archived: boolean;
  /** `read`: a directory read returned them; `lookup`: found by users.get; `none`: neither. */
  source: 'read' | 'lookup' | 'none';
  reads: string[];
}

export interface HaloRecordSummary {
  subject: 'user' | 'agent';
  haloId: number;
  name: string | null;
  email: string | null;
  googleId: string | null;
  inactive: boolean;
}

export interface Explanation {
  query: string;
  person: ExplainedPerson | null;
  /** Why there is nothing to explain from Google, when person is null or not in any read. */
  note: string | null;
  /** One entry per import the person was considered for. */
  imports: ImportTrace[];
  /** Halo records with this email or this person's Google id. */
  haloRecords: HaloRecordSummary[];
  changes: Change[];
  warnings: PlanWarning[];
  /** Errors that stopped planning (unknown Halo names), if any. */
  diagnostics: Diagnostic[];
}

function emailsOf(user: DirectoryUser): string[] {
  return [user.primaryEmail, ...(user.aliases ?? []), ...(user.nonEditableAliases ?? []), ...(user.emails ?? []).map((e) => e.address ?? '')]
    .map(foldEmail)
    .filter((e) => e !== '');
}

/** The person an address names in the snapshot: by primary email first, then by any alias or other address. */
export function findUser(directory: DirectorySnapshot, email: string): DirectoryUser | undefined {
  const wanted = foldEmail(email);
  const candidates = [...directory.users, ...directory.lookups.flatMap((l) => (l.user ? [l.user] : []))];
  return candidates.find((u) => foldEmail(u.primaryEmail) === wanted) ?? candidates.find((u) => emailsOf(u).includes(wanted));
}

export function explainPerson(loaded: LoadedConfig, directory: DirectorySnapshot, halo: HaloSnapshot, email: string): Explanation {
  const user = findUser(directory, email);
  const analysis = analyse(loaded, directory, halo, new Set(user ? [user.id] : []));
  const idField = loaded.config.matching.agentIdField;
  const wanted = foldEmail(email);

  const haloRecords: HaloRecordSummary[] = [];
  const summarise = (subject: 'user' | 'agent', record: Record<string, unknown> & { id: number }, field: string, emailField: string) => {
    const identity = recordIdentity(record, field);
    const googleId = identity.kind === 'google' ? identity.googleId : null;
    if (foldEmail(record[emailField]) !== wanted && (googleId === null || googleId !== user?.id)) return;
    const status = subject === 'user' ? record.inactive : record.isdisabled;
    haloRecords.push({
      subject, haloId: record.id,
      name: typeof record.name === 'string' ? record.name : null,
      email: typeof record[emailField] === 'string' ? (record[emailField] as string) : null,
      googleId, inactive: status === true,
    });
  };
  for (const record of halo.users) summarise('user', record, 'googleworkplace_id', 'emailaddress');
  for (const record of halo.agents) summarise('agent', record, idField, 'email');

  const ids = new Set([user?.id, ...haloRecords.map((r) => r.googleId)].filter((id): id is string => !!id));
  const concerns = (c: { googleId?: string | null; email?: string | null }) => (c.googleId ? ids.has(c.googleId) : false) || foldEmail(c.email) === wanted;

  const readKeys = user ? directory.reads.filter((r) => r.userIds.includes(user.id)).map((r) => r.key).sort() : [];
  const lookup = user ? directory.lookups.find((l) => l.googleId === user.id) : undefined;
  const source: ExplainedPerson['source'] = readKeys.length > 0 ? 'read' : lookup?.status === 'found' ? 'lookup' : 'none';
  const person: ExplainedPerson | null = user ? {
    googleId: user.id,
    primaryEmail: user.primaryEmail,
    name: user.name?.fullName ?? ([user.name?.givenName, user.name?.familyName].filter(Boolean).join(' ') || null),
    orgUnitPath: user.orgUnitPath ?? '/',
    customerId: user.customerId ?? null,
    suspended: user.suspended === true,
    archived: user.archived === true,
    source,
    reads: readKeys,
  } : null;

  let note: string | null = null;
  if (!user) {
    const gone = directory.lookups.filter((l) => haloRecords.some((r) => r.googleId === l.googleId));
    const status = gone.map((l) => (l.status === 'notFound' ? 'users.get found no such user (deleted from Google)' : l.status === 'error' ? `users.get failed: ${l.error ?? 'unknown error'}` : '')).filter(Boolean);
    note = `${email} is not in any directory read${status.length ? `; ${status.join('; ')}` : ' nor found by a direct lookup: Google has no user with this address (primary or alias)'}`;
  } else if (source === 'none') {
    note = `${user.primaryEmail} was not returned by any directory read or found by a direct lookup`;
  }

  if (!analysis.ok) {
    return { query: email, person, note, imports: [], haloRecords, changes: [], warnings: [], diagnostics: analysis.diagnostics };
  }
  return {
    query: email,
    person,
    note,
    imports: user ? (analysis.traces.get(user.id) ?? []) : [],
    haloRecords,
    changes: analysis.plan.changes.filter(concerns),
    warnings: analysis.plan.warnings.filter(concerns),
    diagnostics: analysis.diagnostics,
  };
}
