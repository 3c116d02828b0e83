/**
 * Whether a fresh plan is the reviewed plan, for `apply --plan`: the changes and the safety verdict
 * must be identical. Digests and warnings are informational (an unrelated edit elsewhere in Halo
 * changes the snapshot digest without making the plan stale).
 */
import { canonicalJson } from './digest.js';
import type { Change, Plan, SafetyVerdict } from './types.js';

function keyOf(c: Change): string {
  return [c.subject, c.action, c.googleId ?? '', c.haloId ?? '', c.googleId === null && c.haloId === null ? (c.email ?? '') : ''].join('|');
}

function label(c: Change): string {
  if (c.subject === 'settings') return 'settings';
  return `${c.action} ${c.subject} ${c.email || (c.googleId ? `Google id ${c.googleId}` : `#${c.haloId}`)}`;
}

function whatDiffers(a: Change, b: Change): string {
  const parts: string[] = [];
  const fieldMap = (c: Change) => new Map(c.fields.map((f) => [f.field, canonicalJson(f)]));
  const fa = fieldMap(a);
  const fb = fieldMap(b);
  const fields = [...new Set([...fa.keys(), ...fb.keys()])].filter((f) => fa.get(f) !== fb.get(f)).sort();
  parts.push(...fields);
  if (canonicalJson(a.roles) !== canonicalJson(b.roles)) parts.push('roles');
  if (canonicalJson(a.cabs) !== canonicalJson(b.cabs)) parts.push('CABs');
  if (a.mapping !== b.mapping) parts.push('mapping');
  if (a.email !== b.email) parts.push('email');
  if (a.reason !== b.reason) parts.push('reason');
  return parts.length === 0 ? 'order differs' : `${parts.join(', ')} differ${parts.length === 1 && !parts[0]!.endsWith('s') ? 's' : ''}`;
}

function verdictText(s: SafetyVerdict): string {
  return s.ok ? 'within the safety limits' : `refused (${s.violations.map((v) => v.message).join('; ')})`;
}

/** @param reviewed the plan people approved; @param fresh the plan made now. */
export function samePlan(reviewed: Plan, fresh: Plan): { same: boolean; differences: string[] } {
  const differences: string[] = [];
  const before = new Map(reviewed.changes.map((c) => [keyOf(c), c]));
  const after = new Map(fresh.changes.map((c) => [keyOf(c), c]));
  for (const [key, c] of after) {
    const old = before.get(key);
    if (!old) differences.push(`+ ${label(c)} (not in the reviewed plan)`);
    else if (canonicalJson(old) !== canonicalJson(c)) differences.push(`~ ${label(c)}: ${whatDiffers(old, c)}`);
  }
  for (const [key, c] of before) {
    if (!after.has(key)) differences.push(`- ${label(c)} (in the reviewed plan, no longer planned)`);
  }
  if (differences.length === 0 && canonicalJson(reviewed.changes) !== canonicalJson(fresh.changes)) {
    differences.push('~ the same changes, in a different order or repeated');
  }
  if (canonicalJson(reviewed.safety) !== canonicalJson(fresh.safety)) {
    differences.push(`~ safety: the reviewed plan was ${verdictText(reviewed.safety)}, the fresh plan is ${verdictText(fresh.safety)}`);
  }
  return { same: differences.length === 0, differences };
}
