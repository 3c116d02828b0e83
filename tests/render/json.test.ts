import { describe, expect, it } from 'vitest';
import type { Plan } from '../../src/plan/types.js';
import { parsePlanJson, renderPlanJson } from '../../src/render/index.js';
import { DESIGN_PLAN_JSON } from './design-plan-json.js';
import { brightwaterPlan, emptyPlan, unsafePlan } from './fixtures.js';

/** Every key path in document order, array items collapsed to `[]` (first item only). */
function keyPaths(value: unknown, path = '$'): string[] {
  if (Array.isArray(value)) return value.length > 0 ? keyPaths(value[0], `${path}[]`) : [];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => [`${path}.${k}`, ...keyPaths(v, `${path}.${k}`)]);
}

describe('renderPlanJson', () => {
  const design = JSON.parse(DESIGN_PLAN_JSON) as unknown;

  it('has exactly the DESIGN.md shape, keys in the documented order', () => {
    const rendered = JSON.parse(renderPlanJson(brightwaterPlan())) as Record<string, unknown>;
    // The design example has one field change and one warning with both optional keys; compare
    // against the rendered plan's first change/warning that has them.
    expect(keyPaths(rendered)).toEqual(keyPaths(design));
  });

  it('writes every change key, with null and [] when empty', () => {
    const rendered = JSON.parse(renderPlanJson(brightwaterPlan())) as { changes: Array<Record<string, unknown>>; warnings: Array<Record<string, unknown>> };
    const settings = rendered.changes[0]!;
    expect(settings).toEqual(expect.objectContaining({ subject: 'settings', googleId: null, email: null, haloId: null, mapping: null, roles: { add: [], remove: [] }, cabs: { add: [], remove: [] } }));
    for (const c of rendered.changes) expect(Object.keys(c)).toEqual(['subject', 'action', 'googleId', 'email', 'haloId', 'mapping', 'reason', 'fields', 'roles', 'cabs']);
    const protectedAgent = rendered.warnings[1]!;
    expect(protectedAgent).toEqual({ code: 'protected-agent', message: expect.any(String), email: 'breakglass@brightwater.example', googleId: null });
  });

  it('is pretty-printed with two spaces and a trailing newline', () => {
    const out = renderPlanJson(emptyPlan());
    expect(out.endsWith('}\n')).toBe(true);
    expect(out.split('\n')[1]).toBe('  "formatVersion": 1,');
  });

  it('is stable: same plan, same bytes, whatever the key order in memory', () => {
    const p = brightwaterPlan();
    const shuffled: Plan = { ...p, changes: p.changes.map((c) => Object.fromEntries(Object.entries(c).reverse()) as unknown as Plan['changes'][number]) };
    expect(renderPlanJson(shuffled)).toBe(renderPlanJson(p));
    expect(renderPlanJson(structuredClone(p))).toBe(renderPlanJson(p));
  });

  it('never writes keys the contract does not name', () => {
    const p = brightwaterPlan() as Plan & { token?: string };
    p.token = 'secret-token-value';
    (p.changes[1] as unknown as Record<string, unknown>).body = { password: 'hunter2' };
    (p.summary as unknown as Record<string, unknown>).extra = 1;
    const out = renderPlanJson(p);
    expect(out).not.toContain('secret-token-value');
    expect(out).not.toContain('hunter2');
    expect(out).not.toContain('extra');
  });

  it.each([['realistic', brightwaterPlan()], ['empty', emptyPlan()], ['unsafe', unsafePlan()]])('round-trips the %s plan through parsePlanJson', (_name, p) => {
    const text = renderPlanJson(p);
    const parsed = parsePlanJson(text);
    expect(parsed.errors).toEqual([]);
    expect(parsed.plan).toEqual(p);
    expect(renderPlanJson(parsed.plan!)).toBe(text);
  });
});

describe('parsePlanJson', () => {
  // The tests below damage a saved plan file in arbitrary ways, so it is handled as untyped JSON.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const valid = (): any => JSON.parse(renderPlanJson(brightwaterPlan()));

  it('reports malformed JSON', () => {
    const { plan, errors } = parsePlanJson('{ "formatVersion": 1, ');
    expect(plan).toBeUndefined();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^not a JSON document: /);
  });

  it('refuses other format versions', () => {
    const doc = { ...valid(), formatVersion: 2 };
    expect(parsePlanJson(JSON.stringify(doc)).errors).toEqual(['$.formatVersion: this halo-sync reads plan formatVersion 1, the file has 2']);
    expect(parsePlanJson('[]').errors).toEqual(['$: expected an object, got an array']);
  });

  it('reports every problem at once, with its path', () => {
    const doc = valid();
    delete doc.snapshotDigest;
    doc.surprise = true;
    doc.summary.users.create = -1;
    doc.changes[1].action = 'delete';
    doc.changes[1].haloId = '12';
    doc.changes[2].fields[0].after = { nested: true };
    doc.changes[3].roles.add = ['Technician', 7];
    delete doc.changes[4].cabs;
    doc.warnings[0].email = 5;
    doc.safety.violations = [{ code: 'max-deactivations', message: 'm', limit: 5, actual: 'seven' }];
    const { plan, errors } = parsePlanJson(JSON.stringify(doc));
    expect(plan).toBeUndefined();
    expect(errors).toEqual([
      '$: missing key "snapshotDigest"',
      '$: unknown key "surprise"',
      '$.snapshotDigest: expected a string, got nothing',
      '$.summary.users.create: expected a whole number ≥ 0, got number -1',
      '$.changes[1].action: expected one of create, update, link, deactivate, reactivate, roles, cabs, settings, got the string "delete"',
      '$.changes[1].haloId: expected an integer or null, got the string "12"',
      '$.changes[2].fields[0].after: expected a string, number, boolean or null, got an object',
      '$.changes[3].roles.add[1]: expected a string, got number 7',
      '$.changes[4]: missing key "cabs"',
      '$.changes[4].cabs: expected an object, got nothing',
      '$.warnings[0].email: expected a string or null, got number 5',
      '$.safety.violations[0].actual: expected a number, got the string "seven"',
      '$.safety.ok: is true but 1 violation(s) are listed',
    ]);
  });

  it('accepts warnings without the optional keys and a leading byte-order mark', () => {
    const doc = valid();
    delete doc.warnings[1].email;
    delete doc.warnings[1].googleId;
    const { plan, errors } = parsePlanJson(`\ufeff${JSON.stringify(doc)}`);
    expect(errors).toEqual([]);
    expect(plan!.warnings[1]).toEqual({ code: 'protected-agent', message: brightwaterPlan().warnings[1]!.message });
  });

  it('caps the error list on garbage', () => {
    const doc = valid();
    doc.changes = Array.from({ length: 100 }, () => ({ subject: 'nobody' }));
    const { errors } = parsePlanJson(JSON.stringify(doc));
    expect(errors).toHaveLength(51);
    expect(errors[50]).toMatch(/^… and \d+ more errors$/);
  });
});
