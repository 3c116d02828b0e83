import { describe, expect, it } from 'vitest';
import { renderPlanMarkdown, summaryLine } from '../../src/render/index.js';
import { brightwaterPlan, change, CONTEXT, emptyPlan, plan, unsafePlan } from './fixtures.js';

const md = (p = brightwaterPlan(), options = {}) => renderPlanMarkdown(p, CONTEXT, options);

describe('renderPlanMarkdown', () => {
  it('puts the summary first, then banners, safety, warnings, then the details', () => {
    const out = md();
    const order = ['### halo-sync plan for halo\\-sync\\.yaml', `**${summaryLine(brightwaterPlan())}**`, '| Change | Users | Agents |', '> [!WARNING]', '✅ **Safety:**', '#### ⚠️ Warnings (2)', '<details>'];
    const positions = order.map((needle) => out.indexOf(needle));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('counts users and agents per action in the table', () => {
    expect(md()).toContain('| Create | 2 | 2 |');
    expect(md()).toContain('| Role assignments | — | +5 / −2 |');
    expect(md()).toContain('| Active agents (licences) | — | +2 |');
  });

  it('warns about deactivations, licence changes, role and CAB removals and the seat delta', () => {
    const out = md();
    expect(out).toContain('**2 people will be deactivated** (1 user, 1 agent): ray\\.dunn@keystonelegal\\.example, owen\\.price@brightwater\\.example');
    expect(out).toContain('**1 agent loses its licence** (licence management: no active role left): owen\\.price@brightwater\\.example');
    expect(out).toContain('**1 agent gets a licence back** (licence management): marcus\\.bell@brightwater\\.example');
    expect(out).toContain('**2 role removals**: Administrator ×1, Senior Technician ×1');
    expect(out).toContain('**1 CAB seat removal**: Infrastructure CAB ×1');
    expect(out).toContain('**Active agents (licensed seats): +2** (2 created, 1 reactivated, 1 deactivated)');
  });

  it('shows only a seat note when agents are added and nobody loses access', () => {
    const p = plan([change('agent', 'create', { email: 'new@brightwater.example', mapping: 'brightwater-staff', reason: 'new', roles: { add: ['Technician'] } })]);
    const out = md(p);
    expect(out).not.toContain('[!WARNING]');
    expect(out).toContain('> [!NOTE]\n> **Active agents (licensed seats): +1**');
  });

  it('raises a CAUTION block naming each violation when apply will refuse the plan', () => {
    const out = md(unsafePlan());
    expect(out).toContain('> [!CAUTION]\n> **Apply will refuse this plan: it goes over the safety limits.**');
    expect(out).toContain('> - max\\-deactivations: 7 deactivations exceed safety\\.maxDeactivations \\(5\\) (actual 7, limit 5)');
    expect(out).toContain('max\\-deactivation\\-percent');
    expect(out).not.toContain('✅ **Safety:**');
    expect(out.indexOf('[!CAUTION]')).toBeLessThan(out.indexOf('[!WARNING]'));
  });

  it('raises run-wide warnings (two writers) into the banner as well as the list', () => {
    const out = md(unsafePlan());
    expect(out).toMatch(/> - \*\*two\\-writers\*\*: Halo's own Google Workspace integrator is switched on/);
    expect(out).toContain('- **two\\-writers**: Halo\'s Google Workspace integrator is switched on \\(Control\\)');
  });

  it('collapses one details section per import and site with one table row per change', () => {
    const out = md();
    const summaries = [...out.matchAll(/<details><summary>(.*)<\/summary>/g)].map((m) => m[1]);
    expect(summaries).toEqual([
      '<b>Users</b> · Harbor Dental - Main Clinic (mapping harbor-main-clinic): 1 to create · 1 to update',
      '<b>Users</b> · Harbor Dental - Eastside (mapping harbor-eastside): 1 to link',
      '<b>Users</b> · Keystone Legal - Head Office (mapping keystone-head-office): 1 to create · 1 to reactivate · 1 to deactivate',
      '<b>Agents</b> · mapping brightwater-staff: 2 to create · 1 to link · 1 to reactivate · 1 to update · 1 role update · 1 CAB seat update · 1 to deactivate',
      '<b>Settings</b>: 1 settings update',
    ]);
    expect(out.split('</details>').length - 1).toBe(5);
    expect(out).toContain('| 🔗 link | carla\\.mendes@harbordental\\.example | 2207 | googleworkplace\\_id: null → "114820000000000000201"<br>');
    expect(out).not.toContain('<details open');
  });

  it('keeps an empty plan short', () => {
    const out = md(emptyPlan());
    expect(out).toContain('**No changes. Halo is in step with Google Workspace.**');
    expect(out).not.toContain('<details>');
    expect(out).not.toContain('| Change |');
  });

  it('uses the given title and footer verbatim (trusted) and keeps the footer under any budget', () => {
    const footer = '<!-- halo-sync:plan:halo-sync.yaml -->';
    const out = md(brightwaterPlan(), { title: '## Plan for `prod`', footer, maxChars: 3000 });
    expect(out.startsWith('## Plan for `prod`\n')).toBe(true);
    expect(out.trimEnd().endsWith(footer)).toBe(true);
    expect(out.length).toBeLessThanOrEqual(3000);
  });

  it('privacy mode shows counts and site names only', () => {
    const p = brightwaterPlan();
    const out = md(p, { privacy: true });
    const personal = new Set<string>();
    for (const c of p.changes) {
      if (c.email) personal.add(c.email);
      if (c.googleId) personal.add(c.googleId);
      personal.add(c.reason);
      for (const f of c.fields) {
        for (const v of [f.before, f.after]) {
          // Site names are config, not personal data; booleans and digits-only ids are checked via googleId.
          if (typeof v === 'string' && !CONTEXT.mappings.some((m) => m.site === v)) personal.add(v);
        }
      }
    }
    for (const w of p.warnings) {
      personal.add(w.message);
      if (w.email) personal.add(w.email);
    }
    const unescaped = out.replace(/\\(.)/g, '$1').replace(/\u2060/g, '');
    for (const value of personal) {
      expect(out, value).not.toContain(value);
      expect(unescaped, value).not.toContain(value);
    }
    expect(out).toContain('| Users | Harbor Dental \\- Main Clinic \\(mapping harbor\\-main\\-clinic\\) | 1 |');
    expect(out).toContain('**2 people will be deactivated** (1 user, 1 agent)\n');
    expect(out).toContain('- ambiguous\\-match ×1');
    expect(out).not.toContain('<details>');
  });

  it('is deterministic', () => {
    expect(md()).toBe(md(structuredClone(brightwaterPlan())));
  });
});
