import { describe, expect, it } from 'vitest';
import type { Plan } from '../../src/plan/types.js';
import { agentSeatDelta, formatCount, isLicenceChange, summaryCounts, summaryLine } from '../../src/render/index.js';
import { brightwaterPlan, change, emptyPlan, plan } from './fixtures.js';

function withSummary(summary: Plan['summary']): Plan {
  // One placeholder change so the plan is not empty; the line is built from the summary.
  return { ...plan([change('user', 'update', { reason: 'r' })]), summary };
}

const zero = { create: 0, update: 0, link: 0, deactivate: 0, reactivate: 0 };

describe('summaryLine', () => {
  it('names every non-zero part in a fixed order', () => {
    const p = withSummary({
      users: { create: 2, update: 1, link: 1, deactivate: 1, reactivate: 0 },
      agents: { create: 1, update: 1, link: 0, deactivate: 0, reactivate: 1 },
      roles: { add: 3, remove: 1 },
      cabs: { add: 1, remove: 1 },
      settings: { update: 1 },
    });
    expect(summaryLine(p)).toBe('Plan: 3 to create, 2 to update, 1 to link, 1 to reactivate, 1 to deactivate, 4 role changes, 2 CAB changes, 1 setting.');
  });

  it('omits zero parts and uses singular and plural', () => {
    expect(summaryLine(withSummary({ users: { ...zero, update: 1 }, agents: zero, roles: { add: 1, remove: 0 }, cabs: { add: 0, remove: 0 }, settings: { update: 2 } })))
      .toBe('Plan: 1 to update, 1 role change, 2 settings.');
    expect(summaryLine(withSummary({ users: { ...zero, create: 1234 }, agents: zero, roles: { add: 0, remove: 0 }, cabs: { add: 0, remove: 1 }, settings: { update: 0 } })))
      .toBe('Plan: 1,234 to create, 1 CAB change.');
  });

  it('says no changes for an empty plan, and never claims that for a plan with changes', () => {
    expect(summaryLine(emptyPlan())).toBe('No changes. Halo is in step with Google Workspace.');
    const zeros = withSummary({ users: zero, agents: zero, roles: { add: 0, remove: 0 }, cabs: { add: 0, remove: 0 }, settings: { update: 0 } });
    expect(summaryLine(zeros)).toBe('Plan: 1 change.');
  });
});

describe('summaryCounts', () => {
  it('adds users and agents together, and counts role and CAB pairs', () => {
    const counts = summaryCounts(brightwaterPlan());
    expect(counts).toEqual({ create: 4, update: 2, link: 2, reactivate: 2, deactivate: 2, roleChanges: 7, cabChanges: 2, settings: 1, changes: 15, hasChanges: true });
    expect(summaryCounts(emptyPlan()).hasChanges).toBe(false);
  });
});

describe('agentSeatDelta and licence changes', () => {
  it('counts agents created active + reactivated − deactivated', () => {
    expect(agentSeatDelta(brightwaterPlan())).toEqual({ created: 2, reactivated: 1, deactivated: 1, delta: 2 });
    const p = plan([
      change('agent', 'create', { reason: 'r', fields: [['isdisabled', null, true]] }),
      change('agent', 'deactivate', { reason: 'licence: no active role' }),
      change('user', 'deactivate', { reason: 'suspended' }),
    ]);
    expect(agentSeatDelta(p)).toEqual({ created: 0, reactivated: 0, deactivated: 1, delta: -1 });
  });

  it('recognises the planner\'s licence reasons', () => {
    expect(isLicenceChange(change('agent', 'deactivate', { reason: 'licence: no role in licence.activeRoles' }))).toBe(true);
    expect(isLicenceChange(change('agent', 'deactivate', { reason: 'suspended in Google; lifecycle.suspended is deactivate' }))).toBe(false);
    // The planner's own wordings (src/plan/lifecycle.ts, record-plan.ts), joined with '; ' when several apply.
    expect(isLicenceChange(change('agent', 'deactivate', { reason: 'suspended in Google; lifecycle.suspended is deactivate; licence: holds none of Technician (licence.activeRoles) after the role rules' }))).toBe(true);
    expect(isLicenceChange(change('agent', 'reactivate', { reason: 'isdisabled in Halo, but in mapping "staff" and active in Google; holds licensed role Technician' }))).toBe(true);
    expect(isLicenceChange(change('user', 'reactivate', { reason: 'inactive in Halo, but in mapping "clinic" and active in Google' }))).toBe(false);
  });

  it('formats counts with thousands separators independent of locale', () => {
    expect([0, 999, 1000, 1234567].map(formatCount)).toEqual(['0', '999', '1,000', '1,234,567']);
  });
});
