/**
 * The plan as JSON (`--format json`, `--out`): exactly the DESIGN.md "Plan JSON" shape,
 * formatVersion 1. Built key by key from an allow-list in the documented order, never by spreading
 * the plan object: a property someone adds to a plan in memory (a token, a raw Halo record) can
 * never leak into a file or a comment. Every change carries every key (null / [] when empty);
 * warnings carry `email` and `googleId` as null when they name nobody. Same plan → same bytes.
 */
import type { Change, FieldChange, FieldValue, ImportSummary, Plan, PlanWarning, SafetyViolation } from '../plan/types.js';

function importSummary(s: ImportSummary) {
  return { create: s.create, update: s.update, link: s.link, deactivate: s.deactivate, reactivate: s.reactivate };
}

function scalar(value: FieldValue): FieldValue {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null;
}

function field(f: FieldChange) {
  return { field: f.field, before: scalar(f.before), after: scalar(f.after) };
}

function names(list: readonly string[] | undefined): string[] {
  return (list ?? []).map(String);
}

function change(c: Change) {
  return {
    subject: c.subject,
    action: c.action,
    googleId: c.googleId ?? null,
    email: c.email ?? null,
    haloId: c.haloId ?? null,
    mapping: c.mapping ?? null,
    reason: c.reason,
    fields: (c.fields ?? []).map(field),
    roles: { add: names(c.roles?.add), remove: names(c.roles?.remove) },
    cabs: { add: names(c.cabs?.add), remove: names(c.cabs?.remove) },
  };
}

function warning(w: PlanWarning) {
  return { code: w.code, message: w.message, email: w.email ?? null, googleId: w.googleId ?? null };
}

function violation(v: SafetyViolation) {
  return { code: v.code, message: v.message, limit: v.limit, actual: v.actual };
}

/** The plan as a plain JSON value in the contract's key order (no unknown keys). */
export function planJsonValue(plan: Plan) {
  return {
    formatVersion: 1 as const,
    configDigest: plan.configDigest,
    snapshotDigest: plan.snapshotDigest,
    summary: {
      users: importSummary(plan.summary.users),
      agents: importSummary(plan.summary.agents),
      roles: { add: plan.summary.roles.add, remove: plan.summary.roles.remove },
      cabs: { add: plan.summary.cabs.add, remove: plan.summary.cabs.remove },
      settings: { update: plan.summary.settings.update },
    },
    changes: plan.changes.map(change),
    warnings: plan.warnings.map(warning),
    safety: { ok: plan.safety.ok, violations: plan.safety.violations.map(violation) },
  };
}

/**
 * Characters that are valid raw inside JSON strings but unsafe when the file is printed to a
 * terminal or pasted somewhere (C1 controls, bidi overrides, invisible spaces, line separators).
 * They can only occur inside strings, so writing them as `\uXXXX` keeps the same value.
 */
const TERMINAL_UNSAFE = /[\u007f-\u009f\u061c\u180e\u200b\u200e\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

export function renderPlanJson(plan: Plan): string {
  const text = JSON.stringify(planJsonValue(plan), null, 2);
  return `${text.replace(TERMINAL_UNSAFE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}
