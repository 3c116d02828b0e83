import { describe, expect, it } from 'vitest';
import type { Plan } from '../../src/plan/types.js';
import { comparePlans, renderPlanComparisonMarkdown } from '../../src/render/index.js';
import { brightwaterPlan, change, CONTEXT, plan } from './fixtures.js';
import { hugePlan } from './fixtures-generated.js';

function withChanges(base: Plan, changes: Plan['changes']): Plan {
  return { ...plan(changes, base.warnings, base.safety), configDigest: base.configDigest };
}

describe('comparePlans', () => {
  it('finds nothing between a plan and itself', () => {
    const result = comparePlans(brightwaterPlan(), brightwaterPlan());
    expect(result).toEqual({ added: [], removed: [], different: [], identical: 15 });
  });

  it('matches changes by subject, action and person, and sees added, removed and different ones', () => {
    const reviewed = brightwaterPlan();
    const changes = reviewed.changes.filter((c) => c.email !== 'ray.dunn@keystonelegal.example');
    changes.push(change('user', 'deactivate', { googleId: '999', email: 'new.leaver@keystonelegal.example', haloId: 3200, mapping: 'keystone-head-office', reason: 'suspended' }));
    const applied = withChanges(reviewed, changes.map((c) => (c.email === 'leo.marsh@brightwater.example' ? { ...c, roles: { add: ['Service Desk Manager', 'Administrator'], remove: c.roles.remove } } : c)));
    const result = comparePlans(reviewed, applied);
    expect(result.added.map((c) => c.email)).toEqual(['new.leaver@keystonelegal.example']);
    expect(result.removed.map((c) => c.email)).toEqual(['ray.dunn@keystonelegal.example']);
    expect(result.different.map((p) => p.applied.email)).toEqual(['leo.marsh@brightwater.example']);
    expect(result.identical).toBe(13);
  });

  it('ignores a reworded reason and the order of fields and names', () => {
    const reviewed = brightwaterPlan();
    const applied = withChanges(reviewed, reviewed.changes.map((c) => ({ ...c, reason: `${c.reason} (reworded)`, fields: [...c.fields].reverse(), roles: { add: [...c.roles.add].reverse(), remove: c.roles.remove } })));
    expect(comparePlans(reviewed, applied)).toEqual({ added: [], removed: [], different: [], identical: 15 });
  });

  it('treats the same person with another action as a different change (e.g. update became deactivate)', () => {
    const base = plan([change('user', 'update', { googleId: '1', email: 'a@x.example', haloId: 1, reason: 'r', fields: [['title', 'a', 'b']] })]);
    const later = plan([change('user', 'deactivate', { googleId: '1', email: 'a@x.example', haloId: 1, reason: 'suspended' })]);
    const result = comparePlans(base, later);
    expect(result.removed).toHaveLength(1);
    expect(result.added).toHaveLength(1);
  });
});

describe('renderPlanComparisonMarkdown', () => {
  it('says so when the applied plan is the reviewed plan', () => {
    const out = renderPlanComparisonMarkdown(brightwaterPlan(), brightwaterPlan(), CONTEXT);
    expect(out).toContain('✅ What was applied matches the reviewed plan (15 changes).');
    expect(out).not.toContain('<details>');
    expect(out).not.toContain('[!NOTE]');
  });

  it('notes a config change and an applied plan refused by the safety limits', () => {
    const reviewed = brightwaterPlan();
    const applied: Plan = { ...brightwaterPlan(), configDigest: 'sha256:other', safety: { ok: false, violations: [{ code: 'max-deactivations', message: 'm', limit: 1, actual: 2 }] } };
    const out = renderPlanComparisonMarkdown(reviewed, applied, CONTEXT);
    expect(out).toContain('The config changed after the last reviewed plan');
    expect(out).toContain('> [!CAUTION]\n> The applied plan went over the safety limits (max\\-deactivations): apply refused it and changed nothing.');
  });

  it('lists differences with both versions side by side', () => {
    const reviewed = brightwaterPlan();
    const applied = withChanges(reviewed, reviewed.changes.map((c) => (c.email === 'ben.cho@harbordental.example' ? { ...c, fields: [{ field: 'title', before: 'Dental Hygienist', after: 'Practice Manager' }] } : c)));
    const out = renderPlanComparisonMarkdown(reviewed, applied, CONTEXT);
    expect(out).toContain('**What was applied differs from the reviewed plan:** 0 added since the review · 0 reviewed but not applied · 1 different · 14 as reviewed.');
    expect(out).toContain('| ✏️ update | ben\\.cho@harbordental\\.example | title: "Dental Hygienist" → "Senior Dental Hygienist" | title: "Dental Hygienist" → "Practice Manager" |');
  });

  it('privacy mode gives counts only', () => {
    const reviewed = brightwaterPlan();
    const applied = withChanges(reviewed, reviewed.changes.slice(1));
    const out = renderPlanComparisonMarkdown(reviewed, applied, CONTEXT, { privacy: true });
    expect(out).toContain('1 reviewed but not applied');
    expect(out).not.toContain('@');
    expect(out).not.toContain('<details>');
  });

  it('stays within the budget when the plans differ wildly', () => {
    const out = renderPlanComparisonMarkdown(brightwaterPlan(), hugePlan(5_000), CONTEXT, { maxChars: 10_000 });
    expect(out.length).toBeLessThanOrEqual(10_000);
    expect(out).toMatch(/\*\*… [\d,]+ more changes not shown; the full plan is in the job summary \/ plan artifact\.\*\*/);
    expect(out).toContain('<summary>Reviewed but not applied (15)</summary>');
  });
});
