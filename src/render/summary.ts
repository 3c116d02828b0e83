/**
 * The plan's counts in the shapes every output shares: the text plan's closing line, the Markdown
 * summary, the CLI's stderr line and the Action's `summary` output all come from here, so they can
 * never disagree. Counts are read from `plan.summary` (the planner's contract), not recounted.
 */
import type { Change, Plan } from '../plan/types.js';

export interface SummaryCounts {
  /** Users and agents together. */
  create: number;
  update: number;
  link: number;
  reactivate: number;
  deactivate: number;
  /** (agent, role) pairs added plus removed. */
  roleChanges: number;
  /** (agent, CAB) pairs added plus removed. */
  cabChanges: number;
  settings: number;
  /** Entries in `plan.changes`. */
  changes: number;
  hasChanges: boolean;
}

export function summaryCounts(plan: Plan): SummaryCounts {
  const { users, agents, roles, cabs, settings } = plan.summary;
  return {
    create: users.create + agents.create,
    update: users.update + agents.update,
    link: users.link + agents.link,
    reactivate: users.reactivate + agents.reactivate,
    deactivate: users.deactivate + agents.deactivate,
    roleChanges: roles.add + roles.remove,
    cabChanges: cabs.add + cabs.remove,
    settings: settings.update,
    changes: plan.changes.length,
    hasChanges: plan.changes.length > 0,
  };
}

export const NO_CHANGES_LINE = 'No changes. Halo is in step with Google Workspace.';

/** `1234` → `1,234` (fixed format, independent of the machine's locale). */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function plural(n: number, one: string, many: string): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** The parts of the closing line that are not zero, e.g. `["3 to create", "4 role changes"]`. */
export function summaryParts(counts: SummaryCounts): string[] {
  const parts: string[] = [];
  if (counts.create) parts.push(`${formatCount(counts.create)} to create`);
  if (counts.update) parts.push(`${formatCount(counts.update)} to update`);
  if (counts.link) parts.push(`${formatCount(counts.link)} to link`);
  if (counts.reactivate) parts.push(`${formatCount(counts.reactivate)} to reactivate`);
  if (counts.deactivate) parts.push(`${formatCount(counts.deactivate)} to deactivate`);
  if (counts.roleChanges) parts.push(plural(counts.roleChanges, 'role change', 'role changes'));
  if (counts.cabChanges) parts.push(plural(counts.cabChanges, 'CAB change', 'CAB changes'));
  if (counts.settings) parts.push(plural(counts.settings, 'setting', 'settings'));
  return parts;
}

/**
 * `Plan: 3 to create, 2 to update, 1 to link, 1 to reactivate, 1 to deactivate, 4 role changes,
 * 2 CAB changes, 1 setting.` — or `No changes. Halo is in step with Google Workspace.`
 */
export function summaryLine(plan: Plan): string {
  const counts = summaryCounts(plan);
  if (!counts.hasChanges) return NO_CHANGES_LINE;
  const parts = summaryParts(counts);
  // A plan whose summary is all zeros but still lists changes is not "no changes": say how many.
  if (parts.length === 0) return `Plan: ${plural(counts.changes, 'change', 'changes')}.`;
  return `Plan: ${parts.join(', ')}.`;
}

/**
 * Whether licence management caused this change. The planner words it in the reason: a licence
 * deactivation's reason (or one of its `; `-joined reasons) starts with `licence:`, and a
 * reactivation that licence management allows says which `licensed role` the agent holds.
 */
export function isLicenceChange(change: Change): boolean {
  return /(^|;\s*)licen[cs]e:|\blicen[cs]ed roles?\b/i.test(change.reason.trim());
}

function createsDisabledAgent(change: Change): boolean {
  return change.fields.some((f) => (f.field === 'isdisabled' || f.field === 'inactive') && f.after === true);
}

export interface AgentSeatDelta {
  /** Agents created active. */
  created: number;
  reactivated: number;
  deactivated: number;
  /** created + reactivated − deactivated: the change in licensed agents if the plan is applied. */
  delta: number;
}

export function agentSeatDelta(plan: Plan): AgentSeatDelta {
  let created = 0;
  let reactivated = 0;
  let deactivated = 0;
  for (const change of plan.changes) {
    if (change.subject !== 'agent') continue;
    if (change.action === 'create' && !createsDisabledAgent(change)) created += 1;
    else if (change.action === 'reactivate') reactivated += 1;
    else if (change.action === 'deactivate') deactivated += 1;
  }
  return { created, reactivated, deactivated, delta: created + reactivated - deactivated };
}

/** `+2`, `0`, `−3` (a real minus sign, so it reads as a number and not a list marker). */
export function signed(n: number): string {
  if (n > 0) return `+${formatCount(n)}`;
  if (n < 0) return `−${formatCount(-n)}`;
  return '0';
}
