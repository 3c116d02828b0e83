/**
 * The apply report (pure): counts over plan changes, every failure with its request and API error,
 * why things were skipped, what is left after a stop, and safe output for hostile directory text.
 */
import { describe, expect, it } from 'vitest';
import { changeOutcomes, countOutcomes, type ApplyResult, type Operation, type OperationError } from '../../src/apply/index.js';
import type { Plan } from '../../src/plan/types.js';
import { applyHeadline, renderApplyMarkdown, renderApplyText } from '../../src/render/apply-report.js';
import { change, plan } from '../render/fixtures.js';

const HOSTILE = 'eve<img src=x onerror=alert(1)>|@admins[x](http://evil)\u001b[31m@acme.test';

function thePlan(): Plan {
  return plan([
    change('user', 'create', { email: 'ann@acme.test', googleId: '1', mapping: 'staff', reason: 'new' }),
    change('user', 'create', { email: HOSTILE, googleId: '2', mapping: 'staff', reason: 'new' }),
    change('agent', 'create', { email: 'bob@acme.test', googleId: '3', mapping: 'agents', reason: 'new' }),
    change('agent', 'cabs', { email: 'bob@acme.test', googleId: '3', mapping: 'agents', reason: 'group', cabs: { add: ['Change CAB'] } }),
    change('user', 'deactivate', { email: 'cat@acme.test', googleId: '4', haloId: 9, reason: 'suspended' }),
  ]);
}

const error500: OperationError = { service: 'Halo', method: 'POST', path: '/api/Users', status: 500, message: 'Halo API POST /api/Users failed (500): boom', ambiguous: true };

function op(seq: number, over: Partial<Operation>): Operation {
  return { seq, phase: 'users', kind: 'create', subject: 'user', changes: [], email: null, googleId: null, haloId: null, cab: null, batch: null, outcome: 'applied', error: null, note: null, ...over };
}

function result(p: Plan, operations: Operation[], stopped: OperationError | null = null): ApplyResult {
  const changes = changeOutcomes(p.changes.length, operations);
  return { plan: p, operations, changes, counts: countOutcomes(changes), stopped, startedAt: 't0', finishedAt: 't1' };
}

function mixed(): ApplyResult {
  const p = thePlan();
  return result(p, [
    op(1, { changes: [0], email: 'ann@acme.test', haloId: 20, note: "the create's answer was lost; re-reading Halo found the record (id 20), so it was not created again" }),
    op(2, { changes: [1], email: HOSTILE, outcome: 'failed', error: { ...error500, message: `Halo API POST /api/Users failed (400): bad ${HOSTILE}` } }),
    op(3, { phase: 'agents', subject: 'agent', changes: [2], email: 'bob@acme.test', outcome: 'failed', error: error500, note: 'may or may not exist' }),
    op(4, { phase: 'cab-adds', kind: 'cab-members', subject: 'cab', changes: [3], email: 'bob@acme.test', cab: { id: 1, name: 'Change CAB' }, outcome: 'skipped', note: 'CAB seat on Change CAB not given: the agent was not created' }),
    op(5, { phase: 'user-deactivations', kind: 'deactivate', changes: [4], email: 'cat@acme.test', haloId: 9 }),
  ]);
}

describe('renderApplyText', () => {
  it('counts plan changes, lists failures with their API errors, skips with reasons, and recoveries', () => {
    const text = renderApplyText(mixed());
    expect(text).toContain('Apply complete! 2 applied, 2 failed, 1 skipped.');
    expect(text).toContain('Failed (2):');
    expect(text).toContain('✗ create agent bob@acme.test\n      Halo API POST /api/Users failed (500): boom\n      may or may not exist');
    expect(text).toContain('Skipped (1):\n  - CAB seat on Change CAB for bob@acme.test\n      CAB seat on Change CAB not given: the agent was not created');
    expect(text).toContain('Recovered (1):\n  ✓ create user ann@acme.test');
    expect(text).toContain('Written in this order: users 1 · user deactivations 1.');
    expect(text).toContain('Fix what failed, then run apply again');
    // Directory text cannot drive the terminal.
    expect(text).not.toContain('\u001b');
    expect(text).toContain('⟨U+001B⟩');
  });

  it('after a stop, says how many changes were not applied and how to finish', () => {
    const p = thePlan();
    const stop = { ...error500, ambiguous: false, status: 503, message: 'Halo API POST /api/Agent failed (503): down (gave up after 9 attempt(s) over 40 s)' };
    const r = result(p, [
      op(1, { changes: [0], email: 'ann@acme.test' }),
      op(2, { changes: [1], email: 'x@acme.test' }),
      op(3, { phase: 'agents', subject: 'agent', changes: [2], email: 'bob@acme.test', outcome: 'failed', error: stop }),
      op(4, { phase: 'cab-adds', kind: 'cab-members', subject: 'cab', changes: [3], outcome: 'not-attempted', note: 'not attempted' }),
      op(5, { phase: 'user-deactivations', kind: 'deactivate', changes: [4], email: 'cat@acme.test', outcome: 'not-attempted', note: 'not attempted' }),
    ], stop);
    expect(applyHeadline(r)).toEqual([
      `Apply stopped: Halo stopped answering (${stop.message}).`,
      '2 applied, 1 failed, 0 skipped, 2 not applied; 2 changes not applied; run apply again to finish — it re-plans and picks up where this stopped.',
    ]);
    expect(renderApplyText(r)).toContain('2 writes not attempted after the run stopped.');
  });

  it('a clean run is one line', () => {
    const p = thePlan();
    const r = result(p, p.changes.map((_, i) => op(i + 1, { changes: [i] })));
    expect(renderApplyText(r).trim().split('\n').at(-1)).toBe('Apply complete! 5 applied, 0 failed, 0 skipped.');
  });

  it('caps long lists, pointing at the journal', () => {
    const p = plan(Array.from({ length: 8 }, (_, i) => change('user', 'create', { email: `u${i}@acme.test`, googleId: String(i), reason: 'new' })));
    const r = result(p, p.changes.map((_, i) => op(i + 1, { changes: [i], email: `u${i}@acme.test`, outcome: 'failed', error: error500 })));
    const text = renderApplyText(r, { maxItems: 3 });
    expect(text.match(/✗/g)).toHaveLength(3);
    expect(text).toContain('… and 5 more (the journal lists every operation)');
  });
});

describe('renderApplyMarkdown', () => {
  it('tables every failure with request, status and error, escaping what came from outside', () => {
    const md = renderApplyMarkdown(mixed(), { commit: 'abc123def456' });
    expect(md.split('\n')[0]).toBe('### ⚠️ halo-sync apply complete: 2 applied, 2 failed, 1 skipped');
    expect(md).toContain('Config commit `abc123def456`');
    expect(md).toContain('| Change | Request | Status | Error |');
    expect(md).toContain('| create agent bob@acme\\.test | POST /api/Users | 500 | Halo API POST /api/Users failed \\(500\\): boom — may or may not exist |');
    expect(md).not.toContain('<img');
    expect(md).toContain('&lt;img');
    expect(md).not.toMatch(/[^\\]\|@admins/);
    expect(md).not.toContain('](http');
    expect(md).toContain('#### Skipped (1)');
  });

  it('says when the run stopped and what to do', () => {
    const p = thePlan();
    const stop = { ...error500, ambiguous: false, status: 503, message: 'Halo API POST /api/Agent failed (503): down' };
    const r = result(p, [op(1, { changes: [0, 1, 2, 3, 4], outcome: 'failed', error: stop })], stop);
    const md = renderApplyMarkdown(r);
    expect(md.split('\n')[0]).toBe('### ⛔ halo-sync apply stopped: 0 applied, 5 failed, 0 skipped');
    expect(md).toContain('run apply again to finish');
  });

  it('a clean run is a green heading and nothing else', () => {
    const p = thePlan();
    const md = renderApplyMarkdown(result(p, p.changes.map((_, i) => op(i + 1, { changes: [i] }))));
    expect(md).toBe('### ✅ halo-sync apply complete: 5 applied, 0 failed, 0 skipped\n');
  });
});
