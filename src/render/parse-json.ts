/**
 * Reading a saved plan file back (`apply --plan plan.json`): checks the exact formatVersion 1
 * shape (every key present, no unknown key, every type) and reports every problem at once, each
 * with its JSON path (`$.changes[3].action: …`). Only a file without errors yields a plan, built
 * key by key like renderPlanJson, so parse(render(plan)) gives the plan back and render of that
 * gives the same bytes.
 */
import type { Change, FieldChange, Plan, PlanWarning, SafetyViolation } from '../plan/types.js';
import { Shape } from './shape-check.js';

const SUBJECTS = ['user', 'agent', 'settings'] as const;
const ACTIONS = ['create', 'update', 'link', 'deactivate', 'reactivate', 'roles', 'cabs', 'settings'] as const;
const VIOLATION_CODES = ['max-deactivations', 'max-deactivation-percent'] as const;
const IMPORT_KEYS = ['create', 'update', 'link', 'deactivate', 'reactivate'] as const;

export interface ParsedPlan {
  plan?: Plan;
  errors: string[];
}

function checkSummary(s: Shape, path: string, value: unknown): void {
  const summary = s.object(path, value, ['users', 'agents', 'roles', 'cabs', 'settings']);
  if (!summary) return;
  for (const key of ['users', 'agents'] as const) {
    const part = s.object(`${path}.${key}`, summary[key], IMPORT_KEYS);
    if (part) for (const k of IMPORT_KEYS) s.count(`${path}.${key}.${k}`, part[k]);
  }
  for (const key of ['roles', 'cabs'] as const) {
    const part = s.object(`${path}.${key}`, summary[key], ['add', 'remove']);
    if (part) for (const k of ['add', 'remove']) s.count(`${path}.${key}.${k}`, part[k]);
  }
  const settings = s.object(`${path}.settings`, summary.settings, ['update']);
  if (settings) s.count(`${path}.settings.update`, settings.update);
}

function checkSetDelta(s: Shape, path: string, value: unknown): void {
  const delta = s.object(path, value, ['add', 'remove']);
  if (delta) for (const k of ['add', 'remove']) s.array(`${path}.${k}`, delta[k], (p, item) => s.string(p, item));
}

function checkChange(s: Shape, path: string, value: unknown): void {
  const c = s.object(path, value, ['subject', 'action', 'googleId', 'email', 'haloId', 'mapping', 'reason', 'fields', 'roles', 'cabs']);
  if (!c) return;
  s.oneOf(`${path}.subject`, c.subject, SUBJECTS);
  s.oneOf(`${path}.action`, c.action, ACTIONS);
  s.stringOrNull(`${path}.googleId`, c.googleId);
  s.stringOrNull(`${path}.email`, c.email);
  if (c.haloId !== null) s.integer(`${path}.haloId`, c.haloId, 'an integer or null');
  s.stringOrNull(`${path}.mapping`, c.mapping);
  s.string(`${path}.reason`, c.reason);
  s.array(`${path}.fields`, c.fields, (p, item) => {
    const f = s.object(p, item, ['field', 'before', 'after']);
    if (!f) return;
    s.string(`${p}.field`, f.field);
    s.scalar(`${p}.before`, f.before);
    s.scalar(`${p}.after`, f.after);
  });
  checkSetDelta(s, `${path}.roles`, c.roles);
  checkSetDelta(s, `${path}.cabs`, c.cabs);
}

function checkWarning(s: Shape, path: string, value: unknown): void {
  const w = s.object(path, value, ['code', 'message'], ['email', 'googleId']);
  if (!w) return;
  s.string(`${path}.code`, w.code);
  s.string(`${path}.message`, w.message);
  if ('email' in w) s.stringOrNull(`${path}.email`, w.email);
  if ('googleId' in w) s.stringOrNull(`${path}.googleId`, w.googleId);
}

function checkSafety(s: Shape, path: string, value: unknown): void {
  const safety = s.object(path, value, ['ok', 'violations']);
  if (!safety) return;
  if (typeof safety.ok !== 'boolean') s.fail(`${path}.ok`, 'a boolean', safety.ok);
  s.array(`${path}.violations`, safety.violations, (p, item) => {
    const v = s.object(p, item, ['code', 'message', 'limit', 'actual']);
    if (!v) return;
    s.oneOf(`${p}.code`, v.code, VIOLATION_CODES);
    s.string(`${p}.message`, v.message);
    s.number(`${p}.limit`, v.limit);
    s.number(`${p}.actual`, v.actual);
  });
  if (safety.ok === true && Array.isArray(safety.violations) && safety.violations.length > 0) {
    s.error(`${path}.ok: is true but ${safety.violations.length} violation(s) are listed`);
  }
}

/** Copies a checked plan key by key (the same allow-list as the writer). */
function build(root: Plan): Plan {
  const pairs = (d: { add: string[]; remove: string[] }) => ({ add: [...d.add], remove: [...d.remove] });
  const changes: Change[] = root.changes.map((c) => ({
    subject: c.subject,
    action: c.action,
    googleId: c.googleId,
    email: c.email,
    haloId: c.haloId,
    mapping: c.mapping,
    reason: c.reason,
    fields: c.fields.map((f: FieldChange) => ({ field: f.field, before: f.before, after: f.after })),
    roles: pairs(c.roles),
    cabs: pairs(c.cabs),
  }));
  // The file writes `null` for a warning that names nobody; in memory the key is simply absent.
  const warnings: PlanWarning[] = root.warnings.map((w) => {
    const out: PlanWarning = { code: w.code, message: w.message };
    if (typeof w.email === 'string') out.email = w.email;
    if (typeof w.googleId === 'string') out.googleId = w.googleId;
    return out;
  });
  const violations: SafetyViolation[] = root.safety.violations.map((v) => ({ code: v.code, message: v.message, limit: v.limit, actual: v.actual }));
  const { users, agents, roles, cabs, settings } = root.summary;
  const imp = (x: Plan['summary']['users']) => ({ create: x.create, update: x.update, link: x.link, deactivate: x.deactivate, reactivate: x.reactivate });
  return {
    formatVersion: 1,
    configDigest: root.configDigest,
    snapshotDigest: root.snapshotDigest,
    summary: {
      users: imp(users),
      agents: imp(agents),
      roles: { add: roles.add, remove: roles.remove },
      cabs: { add: cabs.add, remove: cabs.remove },
      settings: { update: settings.update },
    },
    changes,
    warnings,
    safety: { ok: root.safety.ok, violations },
  };
}

export function parsePlanJson(text: string): ParsedPlan {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (error) {
    return { errors: [`not a JSON document: ${(error as Error).message}`] };
  }
  const s = new Shape();
  const root = s.object('$', data, ['formatVersion', 'configDigest', 'snapshotDigest', 'summary', 'changes', 'warnings', 'safety']);
  if (!root) return { errors: s.errors() };
  if (root.formatVersion !== 1) {
    s.error(`$.formatVersion: this halo-sync reads plan formatVersion 1, the file has ${JSON.stringify(root.formatVersion) ?? 'none'}`);
    return { errors: s.errors() };
  }
  s.string('$.configDigest', root.configDigest);
  s.string('$.snapshotDigest', root.snapshotDigest);
  checkSummary(s, '$.summary', root.summary);
  s.array('$.changes', root.changes, (p, item) => checkChange(s, p, item));
  s.array('$.warnings', root.warnings, (p, item) => checkWarning(s, p, item));
  checkSafety(s, '$.safety', root.safety);
  const errors = s.errors();
  // Every key and type was checked above, so the document is a Plan.
  return errors.length > 0 ? { errors } : { plan: build(root as unknown as Plan), errors: [] };
}
