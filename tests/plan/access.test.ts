import { describe, expect, it } from 'vitest';
import type { Config } from '../../src/config/types.js';
import type { HaloRole } from '../../src/model/halo.js';
import { cab, group, lines, linkedAgent, person, planOf, ROLES, warningCodes, world } from '../builders.js';

const ann = person('ann@acme.test');
const bob = person('bob@acme.test');

const agentsConfig = (over: Partial<Config> = {}): Partial<Config> => ({
  mappings: [{ name: 'agents', agent: true, defaultRole: 'Technician' }],
  roles: [
    { group: 'admins@acme.test', role: 'Administrator' },
    { group: 'escalations@acme.test', role: 'Senior Technician' },
    { group: 'leads@acme.test', role: 'Senior Technician' },
  ],
  cabs: [{ group: 'approvers@acme.test', cab: 'Infrastructure CAB' }],
  ...over,
});

function planAgent(roles: HaloRole[], groups: { admins?: typeof ann[]; escalations?: typeof ann[]; leads?: typeof ann[]; approvers?: typeof ann[] }, over: Partial<Config> = {}, cabs = [cab(1, 'Infrastructure CAB')]) {
  return planOf(world({
    config: agentsConfig(over),
    people: [ann],
    groups: [
      group('admins@acme.test', groups.admins ?? []),
      group('escalations@acme.test', groups.escalations ?? []),
      group('leads@acme.test', groups.leads ?? []),
      group('approvers@acme.test', groups.approvers ?? []),
    ],
    halo: { agents: [linkedAgent(20, ann, roles)], cabs },
  }));
}

describe('group → role and group → CAB rules', () => {
  it.each([
    { name: 'joins a group: role added', roles: [ROLES.technician], groups: { admins: [ann] }, want: ['roles agent ann@acme.test +Administrator'] },
    { name: 'leaves the group: role removed', roles: [ROLES.technician, ROLES.administrator], groups: {}, want: ['roles agent ann@acme.test -Administrator'] },
    { name: 'roles no rule names are kept (Technician, Read Only)', roles: [ROLES.technician, ROLES.readOnly, ROLES.administrator], groups: {}, want: ['roles agent ann@acme.test -Administrator'] },
    { name: 'several rules name one role: a member of any group keeps it', roles: [ROLES.senior], groups: { leads: [ann] }, want: [] },
    { name: 'several rules name one role: in none of them, it goes', roles: [ROLES.senior], groups: {}, want: ['roles agent ann@acme.test -Senior Technician'] },
    { name: 'add and remove in one change', roles: [ROLES.senior], groups: { admins: [ann] }, want: ['roles agent ann@acme.test +Administrator -Senior Technician'] },
    { name: 'nothing to do when in step', roles: [ROLES.administrator], groups: { admins: [ann] }, want: [] },
  ])('$name', ({ roles, groups, want }) => {
    const { plan } = planAgent(roles, groups);
    expect(lines(plan)).toEqual(want);
  });

  it('membership is transitive (the reader expanded nested groups): a nested member gets the role', () => {
    // admins@ contains team@ which contains ann: GroupMembers lists ann as a transitive member.
    const { plan } = planAgent([], { admins: [ann] });
    expect(plan.changes[0]?.reason).toBe('group rules: adds Administrator (member of admins@acme.test)');
  });

  it('the roles write carries the full role set: current unmanaged roles kept, added ones appended', () => {
    const { writes } = planAgent([ROLES.readOnly, ROLES.senior], { admins: [ann] });
    expect(writes.roleAdds).toEqual([{ agent: { haloId: 20 }, email: 'ann@acme.test', roleIds: [ROLES.readOnly.id, ROLES.senior.id, ROLES.administrator.id], changes: [0] }]);
    expect(writes.roleRemovals).toEqual([{ agent: { haloId: 20 }, email: 'ann@acme.test', roleIds: [ROLES.readOnly.id, ROLES.administrator.id], changes: [0] }]);
  });

  it('CAB seats follow the group; other members of the CAB are kept verbatim', () => {
    const foreignMember = { id: 555, agent_id: 99, is_mandatory: true, role_id: 3 };
    const join = planAgent([], { approvers: [ann] }, {}, [cab(1, 'Infrastructure CAB', [], [foreignMember])]);
    expect(lines(join.plan)).toEqual(['cabs agent ann@acme.test +cab:Infrastructure CAB']);
    expect(join.writes.cabAdds).toEqual([{ cabId: 1, cabName: 'Infrastructure CAB', keep: [foreignMember], add: [{ haloId: 20 }], changes: [0] }]);

    const leave = planAgent([], {}, {}, [cab(1, 'Infrastructure CAB', [20], [foreignMember])]);
    expect(lines(leave.plan)).toEqual(['cabs agent ann@acme.test -cab:Infrastructure CAB']);
    expect(leave.writes.cabRemovals).toEqual([{ cabId: 1, cabName: 'Infrastructure CAB', keep: [foreignMember], add: [], changes: [0] }]);
    expect(leave.writes.cabAdds).toEqual([]);
  });

  it('CABs no rule names are never touched', () => {
    const { plan } = planAgent([], {}, {}, [cab(1, 'Infrastructure CAB'), cab(2, 'Finance CAB', [20])]);
    expect(plan.changes).toEqual([]);
  });
});

describe('new agents', () => {
  it('are created with the default role plus rule roles, and get CAB seats as a separate change', () => {
    const w = world({
      config: agentsConfig(),
      people: [bob],
      groups: [group('admins@acme.test', [bob]), group('approvers@acme.test', [bob])],
    });
    const { plan, writes } = planOf(w);
    expect(lines(plan)).toEqual(['create agent bob@acme.test +Administrator +Technician', 'cabs agent bob@acme.test +cab:Infrastructure CAB']);
    expect(plan.changes[1]?.haloId).toBeNull();
    expect(plan.summary.roles).toEqual({ add: 2, remove: 0 });
    expect(plan.summary.cabs).toEqual({ add: 1, remove: 0 });
    expect(writes.agents[0]?.body.roles).toEqual([{ id: ROLES.technician.id }, { id: ROLES.administrator.id }]);
    expect(writes.agents[0]?.body.third_party_guid).toBe(bob.id);
    expect(writes.cabAdds[0]?.add).toEqual([{ googleId: bob.id }]);
    expect(writes.roleAdds).toEqual([]);
  });

  it('the default role is given on create only, never to an existing agent', () => {
    const { plan } = planAgent([], {});
    expect(plan.changes).toEqual([]);
  });
});

describe('licence management', () => {
  const licence = { licence: { enabled: true, activeRoles: ['Technician', 'Administrator'] } };

  it.each([
    { name: 'loses the only licensed role: deactivated', roles: [ROLES.administrator], groups: {}, want: ['roles agent ann@acme.test -Administrator', 'deactivate agent ann@acme.test'] },
    { name: 'keeps an unmanaged licensed role: stays active', roles: [ROLES.technician, ROLES.administrator], groups: {}, want: ['roles agent ann@acme.test -Administrator'] },
    { name: 'never had a licensed role: deactivated', roles: [ROLES.readOnly], groups: {}, want: ['deactivate agent ann@acme.test'] },
  ])('$name', ({ roles, groups, want }) => {
    const { plan, writes } = planAgent(roles, groups, licence);
    expect(lines(plan)).toEqual(want);
    const deactivate = plan.changes.find((c) => c.action === 'deactivate');
    if (deactivate) {
      expect(deactivate.reason).toBe('licence: holds none of Technician and Administrator (licence.activeRoles) after the role rules');
      expect(writes.deactivations.agents).toEqual([{ googleId: ann.id, email: 'ann@acme.test', haloId: 20, body: { isdisabled: true }, changes: [plan.changes.indexOf(deactivate)] }]);
      expect(plan.summary.agents.deactivate).toBe(1);
    }
  });

  it('licence deactivations count toward the safety caps', () => {
    const { plan } = planAgent([ROLES.readOnly], {}, { ...licence, safety: { maxDeactivations: 0, maxDeactivationPercent: 100, protectedAgents: [] } });
    expect(plan.safety.ok).toBe(false);
    expect(plan.safety.violations.map((v) => v.code)).toEqual(['max-deactivations']);
  });

  it('gaining a licensed role reactivates a disabled agent', () => {
    const w = world({
      config: agentsConfig(licence),
      people: [ann],
      groups: [group('admins@acme.test', [ann])],
      halo: { agents: [linkedAgent(20, ann, [ROLES.readOnly], { isdisabled: true })] },
    });
    const { plan, writes } = planOf(w);
    expect(lines(plan)).toEqual(['reactivate agent ann@acme.test', 'roles agent ann@acme.test +Administrator']);
    expect(plan.changes[0]?.reason).toContain('holds licensed role Administrator');
    expect(writes.agents[0]?.body).toEqual({ isdisabled: false });
  });

  it('a disabled agent without a licensed role stays disabled (no change)', () => {
    const w = world({ config: agentsConfig(licence), people: [ann], halo: { agents: [linkedAgent(20, ann, [ROLES.readOnly], { isdisabled: true })] } });
    expect(planOf(w).plan.changes).toEqual([]);
  });

  it('a new agent without any licensed role is created disabled, and the reason says so', () => {
    const w = world({ config: agentsConfig({ ...licence, mappings: [{ name: 'agents', agent: true, defaultRole: 'Read Only' }] }), people: [bob] });
    const { plan, writes } = planOf(w);
    expect(lines(plan)).toEqual(['create agent bob@acme.test +Read Only']);
    expect(plan.changes[0]?.fields.at(-1)).toEqual({ field: 'isdisabled', before: null, after: true });
    expect(plan.changes[0]?.reason).toContain('created disabled: licence: holds none of Technician and Administrator');
    expect(writes.agents[0]?.body.isdisabled).toBe(true);
    expect(plan.summary.agents).toMatchObject({ create: 1, deactivate: 0 });
  });

  it('the default role counts for the licence on create', () => {
    const w = world({ config: agentsConfig(licence), people: [bob] });
    const { plan } = planOf(w);
    expect(plan.changes[0]?.fields.some((f) => f.field === 'isdisabled')).toBe(false);
  });
});

describe('protected agents', () => {
  const protect = (extra: Partial<Config> = {}) => ({ safety: { maxDeactivations: 10, maxDeactivationPercent: 100, protectedAgents: ['ANN@acme.test'] }, ...extra });

  it('are never stripped of roles; a warning says what was held back', () => {
    const { plan } = planAgent([ROLES.administrator], {}, protect());
    expect(plan.changes).toEqual([]);
    expect(warningCodes(plan)).toEqual(['protected-agent ann@acme.test']);
    expect(plan.warnings[0]?.message).toContain('removal of role Administrator');
  });

  it('still gain roles', () => {
    expect(lines(planAgent([], { admins: [ann] }, protect()).plan)).toEqual(['roles agent ann@acme.test +Administrator']);
  });

  it('are never deactivated by licence or lifecycle', () => {
    const licence = { licence: { enabled: true, activeRoles: ['Administrator'] } };
    const { plan } = planAgent([ROLES.readOnly], {}, protect(licence));
    expect(plan.changes).toEqual([]);
    expect(plan.warnings[0]?.message).toMatch(/held back deactivation \(licence: holds none of Administrator/);

    const suspended = person('ann@acme.test', { suspended: true });
    const w = world({ config: agentsConfig(protect()), people: [suspended], halo: { agents: [linkedAgent(20, suspended, [ROLES.technician])] } });
    const out = planOf(w).plan;
    expect(out.changes).toEqual([]);
    expect(out.warnings.find((x) => x.code === 'protected-agent')?.message).toContain('held back deactivation (suspended in Google; lifecycle.suspended is deactivate)');
  });
});
