/**
 * Deterministic order and the summary. Settings first, then creates, links, reactivations and
 * updates (users before agents in each), then roles and CABs, deactivations last: a reviewer reads
 * additions before removals, and apply can stop halfway leaving people with access, not without.
 */
import type { Change, PlanSummary, PlanWarning } from './types.js';
import { compareText } from './text.js';

const ACTION_RANK: Record<Change['action'], number> = {
  settings: 0, create: 1, link: 2, reactivate: 3, update: 4, roles: 5, cabs: 6, deactivate: 7,
};
const SUBJECT_RANK: Record<Change['subject'], number> = { settings: 0, user: 1, agent: 2 };

interface KeyedChange {
  change: Change;
  action: number;
  subject: number;
  lowerEmail: string;
  email: string;
  googleId: string;
  haloId: number;
}

/**
 * Sorts changes in place (stable): by action and subject rank, then email case-insensitively, then
 * as written, then Google id and Halo id. Each change's keys are computed once, not per comparison
 * (a plan of 100k people has ~20k changes and ~300k comparisons); tests/plan/sort-changes.test.ts
 * checks the order against a plain comparator of the same keys.
 */
export function sortChanges(changes: Change[]): void {
  const keyed: KeyedChange[] = new Array<KeyedChange>(changes.length);
  for (let i = 0; i < changes.length; i++) {
    const change = changes[i] as Change;
    const email = change.email ?? '';
    keyed[i] = {
      change,
      action: ACTION_RANK[change.action],
      subject: SUBJECT_RANK[change.subject],
      lowerEmail: email.toLowerCase(),
      email,
      googleId: change.googleId ?? '',
      haloId: change.haloId ?? -1,
    };
  }
  keyed.sort((a, b) =>
    a.action - b.action ||
    a.subject - b.subject ||
    compareText(a.lowerEmail, b.lowerEmail) ||
    compareText(a.email, b.email) ||
    compareText(a.googleId, b.googleId) ||
    a.haloId - b.haloId);
  for (let i = 0; i < keyed.length; i++) changes[i] = (keyed[i] as KeyedChange).change;
}

export function compareWarnings(a: PlanWarning, b: PlanWarning): number {
  return (
    compareText(a.code, b.code) ||
    compareText((a.email ?? '').toLowerCase(), (b.email ?? '').toLowerCase()) ||
    compareText(a.googleId ?? '', b.googleId ?? '') ||
    compareText(a.message, b.message)
  );
}

export function summarise(changes: readonly Change[]): PlanSummary {
  const counts = () => ({ create: 0, update: 0, link: 0, deactivate: 0, reactivate: 0 });
  const summary: PlanSummary = {
    users: counts(),
    agents: counts(),
    roles: { add: 0, remove: 0 },
    cabs: { add: 0, remove: 0 },
    settings: { update: 0 },
  };
  for (const c of changes) {
    if (c.subject === 'settings') {
      summary.settings.update += 1;
      continue;
    }
    const bucket = c.subject === 'user' ? summary.users : summary.agents;
    if (c.action in bucket) bucket[c.action as keyof typeof bucket] += 1;
    summary.roles.add += c.roles.add.length;
    summary.roles.remove += c.roles.remove.length;
    summary.cabs.add += c.cabs.add.length;
    summary.cabs.remove += c.cabs.remove.length;
  }
  return summary;
}
