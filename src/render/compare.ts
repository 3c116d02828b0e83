/**
 * How two plans of the same config differ, change by change: the plan reviewed in a pull request
 * against the plan applied on merge (the directory moves in between). Changes are matched by
 * subject + action + the person (Google id, else email, else Halo id). A matched pair is
 * "different" when what it writes differs (fields, roles, CABs, Halo id, mapping, email); a
 * reworded reason alone is not a difference.
 */
import type { Change, Plan } from '../plan/types.js';

export interface ChangePair {
  reviewed: Change;
  applied: Change;
}

export interface PlanComparison {
  /** In the applied plan only. */
  added: Change[];
  /** In the reviewed plan only. */
  removed: Change[];
  /** In both, with different effects. */
  different: ChangePair[];
  /** In both, with the same effect. */
  identical: number;
}

function personKey(change: Change): string {
  if (change.subject === 'settings') return 'settings';
  if (change.googleId) return `google:${change.googleId}`;
  if (change.email) return `email:${change.email.toLowerCase()}`;
  if (change.haloId !== null) return `halo:${change.haloId}`;
  return 'unknown';
}

/** Keys unique within one plan: a repeated key gets an occurrence number. */
function keyed(changes: readonly Change[]): Map<string, Change> {
  const out = new Map<string, Change>();
  const seen = new Map<string, number>();
  for (const change of changes) {
    const base = `${change.subject}|${change.action}|${personKey(change)}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.set(n === 0 ? base : `${base}#${n}`, change);
  }
  return out;
}

/** What a change writes, as a comparable string (order of fields and names does not matter). */
function effect(change: Change): string {
  const fields = [...change.fields]
    .map((f) => JSON.stringify([f.field, f.before, f.after]))
    .sort()
    .join(',');
  const sorted = (list: readonly string[]) => JSON.stringify([...list].sort());
  return [
    change.haloId,
    change.mapping,
    change.email,
    fields,
    sorted(change.roles.add),
    sorted(change.roles.remove),
    sorted(change.cabs.add),
    sorted(change.cabs.remove),
  ].map((part) => JSON.stringify(part)).join('|');
}

export function comparePlans(reviewed: Plan, applied: Plan): PlanComparison {
  const before = keyed(reviewed.changes);
  const after = keyed(applied.changes);
  const result: PlanComparison = { added: [], removed: [], different: [], identical: 0 };
  // Walk each plan in its own (deterministic) order so the output is stable.
  for (const [key, change] of before) {
    const other = after.get(key);
    if (!other) result.removed.push(change);
    else if (effect(change) !== effect(other)) result.different.push({ reviewed: change, applied: other });
    else result.identical += 1;
  }
  for (const [key, change] of after) if (!before.has(key)) result.added.push(change);
  return result;
}

export function isSameEffect(comparison: PlanComparison): boolean {
  return comparison.added.length === 0 && comparison.removed.length === 0 && comparison.different.length === 0;
}
