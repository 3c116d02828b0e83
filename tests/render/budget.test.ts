/**
 * The comment size budget: a plan of 20,000 changes must still make a comment GitHub accepts, with
 * the summary, banners, safety verdict and warnings intact and an explicit note of what was cut.
 */
import { describe, expect, it } from 'vitest';
import { renderPlanMarkdown, summaryLine } from '../../src/render/index.js';
import { brightwaterPlan, CONTEXT } from './fixtures.js';
import { hugePlan } from './fixtures-generated.js';

const ROW = /^\| (➕|✏️|🔗|♻️|⛔|🎭|🗳️|⚙️) /;

/** Shown change rows + changes the section notes say are hidden. */
function accounted(out: string): { shown: number; hiddenInSections: number; hiddenInAll: number } {
  const shown = out.split('\n').filter((line) => ROW.test(line)).length;
  const hiddenInSections = [...out.matchAll(/_… ([\d,]+) more changes? in this section not shown /g)].reduce((n, m) => n + Number(m[1]!.replace(/,/g, '')), 0);
  const all = /\*\*… ([\d,]+) more changes? not shown; the full plan is in the job summary \/ plan artifact\.\*\*/.exec(out);
  return { shown, hiddenInSections, hiddenInAll: all ? Number(all[1]!.replace(/,/g, '')) : 0 };
}

describe('Markdown size budget', () => {
  const huge = hugePlan(20_000);
  const out = renderPlanMarkdown(huge, CONTEXT);

  it('keeps a 20,000-change plan under 60,000 characters', () => {
    expect(huge.changes).toHaveLength(20_000);
    expect(out.length).toBeLessThanOrEqual(60_000);
    // The budget is used, not wasted.
    expect(out.length).toBeGreaterThan(50_000);
  });

  it('keeps the summary, the banner and the warnings', () => {
    expect(out).toContain(`**${summaryLine(huge)}**`);
    expect(out).toContain('| Create | 14,960 | 0 |');
    expect(out).toContain('> [!WARNING]\n> **Review before merging');
    expect(out).toContain('**40 people will be deactivated** (40 users)');
    expect(out).toContain('#### ⚠️ Warnings (401)');
    // The run-wide warning comes first even though it is last in the plan.
    expect(out.indexOf('two\\-writers**: Halo')).toBeLessThan(out.indexOf('ambiguous0@'));
    expect(out).toMatch(/- … and \d+ more warnings not shown\n/);
  });

  it('cuts whole changes, says how many, and accounts for every change', () => {
    const { shown, hiddenInSections, hiddenInAll } = accounted(out);
    expect(hiddenInAll).toBeGreaterThan(0);
    expect(hiddenInSections).toBe(hiddenInAll);
    expect(shown + hiddenInAll).toBe(20_000);
    expect(out.split('<details>').length).toBe(out.split('</details>').length);
  });

  it('keeps the changes that remove access when it cuts', () => {
    const deactivations = huge.changes.filter((c) => c.action === 'deactivate');
    expect(deactivations).toHaveLength(40);
    for (const c of deactivations) expect(out).toContain(`| ⛔ **deactivate** | ${c.email!.replace(/\./g, '\\.')} |`);
    // …shown in plan order within their section, after the kept creations and updates.
    const firstSection = out.slice(out.indexOf('<details>'), out.indexOf('</details>'));
    expect(firstSection.indexOf('⛔')).toBeGreaterThan(firstSection.indexOf('➕'));
  });

  it('shares the budget fairly: small sections stay complete', () => {
    const p = hugePlan(3_000);
    p.changes.push(...brightwaterPlan().changes.filter((c) => c.subject !== 'user'));
    const small = renderPlanMarkdown(p, CONTEXT, { maxChars: 20_000 });
    expect(small.length).toBeLessThanOrEqual(20_000);
    const agents = small.slice(small.indexOf('<b>Agents</b>'));
    expect(agents.slice(0, agents.indexOf('</details>'))).not.toContain('in this section not shown');
    expect(small).toContain('⚙️ settings | Halo settings');
  });

  it('never exceeds maxChars, however small', () => {
    for (const maxChars of [500, 2_000, 8_000, 65_536]) {
      const limited = renderPlanMarkdown(huge, CONTEXT, { maxChars, footer: '<!-- halo-sync -->' });
      expect(limited.length, String(maxChars)).toBeLessThanOrEqual(maxChars);
      expect(limited).toContain('more changes not shown');
      expect(limited.trimEnd().endsWith('<!-- halo-sync -->')).toBe(true);
    }
  });

  it('shows everything when it fits', () => {
    const full = renderPlanMarkdown(brightwaterPlan(), CONTEXT);
    expect(full).not.toContain('not shown');
    expect(accounted(full).shown).toBe(brightwaterPlan().changes.length);
  });

  it('privacy mode stays within budget and counts per site', () => {
    const privateOut = renderPlanMarkdown(huge, CONTEXT, { privacy: true });
    expect(privateOut.length).toBeLessThanOrEqual(60_000);
    expect(privateOut).not.toMatch(/person\d{5}@/);
    expect(privateOut).toContain('| Users | Harbor Dental \\- Main Clinic \\(mapping harbor\\-main\\-clinic\\) | 4,987 |');
  });

  it('renders quickly', () => {
    const started = performance.now();
    renderPlanMarkdown(huge, CONTEXT);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
