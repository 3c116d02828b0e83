import { describe, expect, it } from 'vitest';
import { renderContext, renderPlanText, summaryLine } from '../../src/render/index.js';
import { brightwaterPlan, change, CONTEXT, emptyPlan, plan, unsafePlan } from './fixtures.js';

const text = (p = brightwaterPlan(), color = false) => renderPlanText(p, CONTEXT, { color });

describe('renderPlanText', () => {
  it('ends with the summary line, and says so plainly when nothing changes', () => {
    const lines = text().trimEnd().split('\n');
    expect(lines[lines.length - 1]).toBe(summaryLine(brightwaterPlan()));
    expect(lines[lines.length - 1]).toMatch(/^Plan: 4 to create, /);
    expect(text(emptyPlan()).trimEnd().endsWith('No changes. Halo is in step with Google Workspace.')).toBe(true);
    expect(text(emptyPlan())).not.toContain('will make these changes');
  });

  it('groups users by site in config order, then agents, then settings', () => {
    const out = text();
    const order = ['\nUsers\n', 'Harbor Dental - Main Clinic (mapping harbor-main-clinic)', 'Harbor Dental - Eastside', 'Keystone Legal - Head Office', '\nAgents\n', 'mapping brightwater-staff', '\nSettings\n'];
    const positions = order.map((needle) => out.indexOf(needle));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('gives each action its symbol, the email, the Halo id or "known after apply", and the reason', () => {
    const out = text();
    expect(out).toContain('+ user amelia.hart@harbordental.example will be created (Halo id known after apply)');
    expect(out).toContain('~ user ben.cho@harbordental.example will be updated (Halo id 2203)');
    expect(out).toContain('~ agent priya.raman@brightwater.example will be linked to its Google account (Halo id 31)');
    expect(out).toContain('↺ user lena.vogel@keystonelegal.example will be reactivated (Halo id 3104)');
    expect(out).toContain('- agent owen.price@brightwater.example will be deactivated (Halo id 29)');
    expect(out).toContain('why: suspended in Google; lifecycle.suspended is deactivate');
    expect(out).toContain('+ create   ~ update, link, roles, CABs, settings   ↺ reactivate   - deactivate');
  });

  it('shows field changes as before → after, created values alone, roles and CABs one per line', () => {
    const out = text();
    expect(out).toContain('title: "Dental Hygienist" → "Senior Dental Hygienist"');
    expect(out).toMatch(/title: +"Dentist"\n/);
    expect(out).toMatch(/sms: +"\+44 7700 900555" → null/);
    expect(out).toContain('+ role Service Desk Manager\n        - role Senior Technician');
    expect(out).toContain('- CAB Infrastructure CAB');
  });

  it('adds a word diff for long values', () => {
    expect(text()).toContain('words: {+Principal +}Infrastructure Engineer, Networks and Firewalls{+ (EMEA)+}');
    // Short values read fine side by side: no word diff.
    expect(text()).not.toMatch(/words: .*Hygienist/);
  });

  it('prints an unmistakable block when the plan is over a safety limit', () => {
    const out = text(unsafePlan());
    expect(out).toContain('SAFETY LIMITS EXCEEDED: apply will refuse this plan.');
    expect(out).toContain('max-deactivations: 7 deactivations exceed safety.maxDeactivations (5) (actual 7, limit 5)');
    expect(out).toContain('max-deactivation-percent:');
    expect(out.indexOf('SAFETY LIMITS EXCEEDED')).toBeLessThan(out.indexOf('Plan: 7 to deactivate.'));
    expect(text()).not.toContain('SAFETY LIMITS EXCEEDED');
    expect(text()).toContain('Safety: within the configured limits.');
  });

  it('lists warnings after the changes', () => {
    const out = text();
    expect(out).toContain('Warnings (2):\n  ! ambiguous-match: 2 Halo users match sam.fischer@keystonelegal.example');
    expect(out.indexOf('Warnings (2)')).toBeGreaterThan(out.indexOf('Settings'));
  });

  it('colours symbols only when asked: green +, yellow ~, red -', () => {
    const plain = text();
    const coloured = text(brightwaterPlan(), true);
    expect(plain).not.toContain('\u001b');
    expect(coloured).toContain('\u001b[32m+\u001b[39m');
    expect(coloured).toContain('\u001b[33m~\u001b[39m');
    expect(coloured).toContain('\u001b[31m-\u001b[39m');
    // eslint-disable-next-line no-control-regex -- these tests look for control characters
    expect(coloured.replace(/\u001b\[\d+m/g, '')).toBe(plain);
  });

  it('puts people no mapping places in their own group, after the mapped ones', () => {
    const p = plan([
      change('user', 'update', { email: 'a@x.example', haloId: 1, mapping: 'harbor-eastside', reason: 'r', fields: [['title', 'a', 'b']] }),
      change('user', 'deactivate', { email: 'gone@x.example', haloId: 2, mapping: null, reason: 'left every mapping; lifecycle.outOfScope is deactivate' }),
      change('user', 'update', { email: 'c@x.example', haloId: 3, mapping: 'unknown-mapping', reason: 'r' }),
    ]);
    const out = renderPlanText(p, CONTEXT, { color: false });
    const eastside = out.indexOf('Harbor Dental - Eastside');
    const unknown = out.indexOf('mapping unknown-mapping:');
    const unplaced = out.indexOf('not placed by any mapping: 1 change');
    expect(eastside).toBeGreaterThan(0);
    expect(unknown).toBeGreaterThan(eastside);
    expect(unplaced).toBeGreaterThan(unknown);
  });

  it('is deterministic', () => {
    expect(text()).toBe(text());
    expect(renderPlanText(structuredClone(brightwaterPlan()), CONTEXT, { color: true })).toBe(text(brightwaterPlan(), true));
  });
});

describe('renderContext', () => {
  it('takes the mappings of a config in file order, with their sites', () => {
    const ctx = renderContext({ mappings: [{ name: 'staff', agent: true, defaultRole: 'Technician' }, { name: 'clinic', site: 'Main Clinic', customer: 'C01' }] }, 'halo-sync.yaml');
    expect(ctx).toEqual({ configFile: 'halo-sync.yaml', mappings: [{ name: 'staff', agent: true }, { name: 'clinic', site: 'Main Clinic' }] });
    const p = plan([change('user', 'update', { email: 'a@x.example', haloId: 1, mapping: 'clinic', reason: 'r' })]);
    expect(renderPlanText(p, ctx, { color: false })).toContain('  Main Clinic (mapping clinic): 1 change');
  });
});
