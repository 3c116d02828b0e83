/** The doctor report renderers (pure): text layout, colour, terminal safety, the JSON document. */
import { describe, expect, it } from 'vitest';
import { check, doctorReport, type DoctorCheck } from '../../src/doctor/index.js';
import { doctorVerdict, renderDoctorJson, renderDoctorText } from '../../src/render/doctor-report.js';

const checks: DoctorCheck[] = [
  check('halo.token', 'Halo token', 'ok', 'obtained (client credentials; tenant acme)'),
  check('halo.two-writers', "Halo's own Google Workspace integrator", 'warn', 'switched on', { fix: 'switch it off' }),
  check('google.token', 'Google token exchange', 'fail', 'unauthorized_client: …', { fix: 'add client id 42 with exactly these scopes:\na,b,c\nwait up to 24 hours' }),
  check('halo.references', 'Halo names in the config exist', 'fail', '1 name does not exist', { items: ['halo-sync.yaml:3:9: error: site "X" does not exist in Halo'] }),
  check('google.reads', 'Google users and groups reads', 'skip', 'no Google token (see above)'),
];

describe('doctor report rendering', () => {
  it('text: a six-wide status column, items and fix indented under their check, fix continuation aligned, verdict last', () => {
    const text = renderDoctorText(doctorReport(checks), { color: false });
    expect(text.split('\n')).toEqual([
      'ok    Halo token: obtained (client credentials; tenant acme)',
      "warn  Halo's own Google Workspace integrator: switched on",
      '      fix: switch it off',
      'FAIL  Google token exchange: unauthorized_client: …',
      '      fix: add client id 42 with exactly these scopes:',
      '           a,b,c',
      '           wait up to 24 hours',
      'FAIL  Halo names in the config exist: 1 name does not exist',
      '      halo-sync.yaml:3:9: error: site "X" does not exist in Halo',
      'skip  Google users and groups reads: no Google token (see above)',
      '',
      'doctor: 1 ok, 1 warning, 2 failed, 1 skipped: fix the failures above (skipped checks run once they can) and run `halo-sync doctor` again',
      '',
    ]);
  });

  it('verdict: ready when nothing failed, mentioning warnings when there are some', () => {
    expect(doctorVerdict(doctorReport([checks[0] as DoctorCheck]))).toBe('doctor: 1 ok, 0 warnings, 0 failed, 0 skipped: ready: run `halo-sync plan`');
    expect(doctorVerdict(doctorReport(checks.slice(0, 2)))).toMatch(/1 warning, 0 failed.*ready; read the warnings/);
  });

  it('colour: statuses coloured only when asked', () => {
    const plain = renderDoctorText(doctorReport(checks), { color: false });
    const coloured = renderDoctorText(doctorReport(checks), { color: true });
    expect(plain).not.toContain('\u001b[');
    expect(coloured).toContain('\u001b[32mok    \u001b[39m');
    expect(coloured).toContain('\u001b[31m\u001b[1mFAIL  \u001b[22m\u001b[39m');
    expect(coloured.replace(new RegExp(`${String.fromCharCode(27)}\\[\\d+m`, 'g'), '')).toBe(plain);
  });

  it('text from Halo or Google cannot move the cursor or recolour the terminal', () => {
    const hostile = check('halo.references', 'Halo names', 'fail', 'site "\u001b[2J\u001b[31mEvil\u202e" missing', { items: ['line\nbreak'] });
    const text = renderDoctorText(doctorReport([hostile]), { color: false });
    expect(text).not.toContain('\u001b');
    expect(text).not.toContain('\u202e');
    expect(text).toContain('⟨U+001B⟩[2J');
    expect(text).toContain('      line\\nbreak');
  });

  it('JSON: { ok, summary, checks } with each check id, title, status, detail, then fix and items only when present', () => {
    const doc = JSON.parse(renderDoctorJson(doctorReport(checks))) as Record<string, unknown> & { checks: Array<Record<string, unknown>> };
    expect(Object.keys(doc)).toEqual(['ok', 'summary', 'checks']);
    expect(doc.ok).toBe(false);
    expect(doc.summary).toEqual({ ok: 1, warn: 1, fail: 2, skip: 1 });
    expect(Object.keys(doc.checks[0] ?? {})).toEqual(['id', 'title', 'status', 'detail']);
    expect(Object.keys(doc.checks[2] ?? {})).toEqual(['id', 'title', 'status', 'detail', 'fix']);
    expect(doc.checks[3]?.items).toEqual(['halo-sync.yaml:3:9: error: site "X" does not exist in Halo']);
    expect(JSON.parse(renderDoctorJson(doctorReport(checks.slice(0, 2)))).ok).toBe(true);
  });
});
