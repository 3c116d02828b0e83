/**
 * Generated plans: a huge one (the comment size budget) and a hostile one (the injection corpus:
 * directory values an attacker could set as their own name, title or email alias).
 */
import type { Change, Plan, PlanWarning } from '../../src/plan/types.js';
import type { RenderContext } from '../../src/render/index.js';
import { change, CONTEXT, plan } from './fixtures.js';

const USER_MAPPINGS = ['harbor-main-clinic', 'harbor-eastside', 'keystone-head-office'];

/** `count` changes: mostly creates and updates across the three customer sites, some deactivations. */
export function hugePlan(count = 20_000): Plan {
  const changes: Change[] = [];
  for (let i = 0; i < count; i += 1) {
    const mapping = USER_MAPPINGS[i % 3]!;
    const email = `person${String(i).padStart(5, '0')}@customer${i % 3}.example`;
    const googleId = String(200000000000000000000n + BigInt(i));
    if (i % 500 === 499) {
      changes.push(change('user', 'deactivate', { googleId, email, haloId: 10_000 + i, mapping, reason: 'suspended in Google; lifecycle.suspended is deactivate', fields: [['inactive', false, true]] }));
    } else if (i % 4 === 0) {
      changes.push(change('user', 'update', { googleId, email, haloId: 10_000 + i, mapping, reason: 'fields differ from Google Workspace', fields: [['title', 'Associate', `Senior Associate ${i}`]] }));
    } else {
      changes.push(change('user', 'create', {
        googleId, email, mapping, reason: 'new in Google Workspace; no Halo user matches by email or name',
        fields: [['name', null, `Person ${i}`], ['emailaddress', null, email], ['title', null, 'Associate'], ['department', null, `Department ${i % 17}`]],
      }));
    }
  }
  // The planner sorts deactivations last.
  changes.sort((a, b) => Number(a.action === 'deactivate') - Number(b.action === 'deactivate'));
  const warnings: PlanWarning[] = Array.from({ length: 400 }, (_, i) => ({
    code: 'ambiguous-match',
    message: `2 Halo users match ambiguous${i}@customer1.example by name: skipped, not guessed`,
    email: `ambiguous${i}@customer1.example`,
  }));
  warnings.push({ code: 'two-writers', message: "Halo's Google Workspace integrator is switched on" });
  return plan(changes, warnings);
}

/** Hostile directory values, one per attack or rendering hazard. */
export const HOSTILE_VALUES: readonly string[] = [
  '<img src=x onerror=alert(1)>',
  '[x](javascript:alert(1))',
  '![tracker](https://evil.example/pixel.png)',
  '@org/team please approve',
  'cc @octocat',
  'fixes #1 and owner/repo#2',
  'a | b | c',
  'back`tick` and ```triple```',
  '```\nfenced\n```',
  '</details><details open><summary>pwned</summary>',
  '<!-- hidden comment',
  '<script>alert(document.cookie)</script>',
  '**bold** _italic_ ~~strike~~ # heading > quote',
  'https://evil.example/phish and www.evil.example',
  '$x^2$ and $$math$$',
  '&lt;img&gt; and &#64;entity',
  '日本語の名前',
  'العربية',
  'Ελληνικά',
  '👩🏽‍💻 Zoë Ångström 🚀',
  'invoice\u202Eexe.pdf',
  'zero\u200Bwidth\uFEFFspace\u2066isolate\u2069',
  'line one\r\nline two\nline three',
  '\u001b[31mred\u001b[0m \u001b]0;title\u0007 bell',
  'C1 \u0085 next line \u009b31m csi',
  'x'.repeat(5000),
];

export const HOSTILE_CONTEXT: RenderContext = {
  configFile: 'configs/<b>evil</b>.yaml',
  mappings: [...CONTEXT.mappings, { name: 'evil|mapping', site: '</details><img src=x> @org/team #1' }],
};

/** Every hostile value in every untrusted position: emails, field names and values, roles, reasons, warnings. */
export function hostilePlan(): Plan {
  const changes = HOSTILE_VALUES.map((value, i) =>
    change(i % 2 === 0 ? 'user' : 'agent', i % 5 === 4 ? 'deactivate' : 'update', {
      googleId: `3000000000000000000${String(i).padStart(2, '0')}`,
      email: `${value}@evil.example`,
      haloId: 900 + i,
      mapping: i % 2 === 0 ? (i % 4 === 0 ? 'evil|mapping' : 'harbor-main-clinic') : 'brightwater-staff',
      reason: `title changed to ${value}`,
      fields: [['title', `before ${value}`, value], [value, null, value]],
      roles: i % 2 === 1 ? { add: [value], remove: [`${value} (old)`] } : undefined,
      cabs: i % 2 === 1 ? { add: [value], remove: [] } : undefined,
    }),
  );
  changes.sort((a, b) => Number(a.action === 'deactivate') - Number(b.action === 'deactivate'));
  const warnings = HOSTILE_VALUES.map((value) => ({ code: 'ambiguous-match', message: `2 Halo users match ${value}`, email: `${value}@evil.example` }));
  return plan(changes, warnings, {
    ok: false,
    violations: [{ code: 'max-deactivations', message: `deactivations of ${HOSTILE_VALUES[0]} exceed the limit`, limit: 1, actual: 5 }],
  });
}
