import { describe, expect, it } from 'vitest';
import { cab, group, haloAgent, haloUser, linkedAgent, person, planOf, ROLES, world } from '../builders.js';

const ann = person('ann@acme.test', { title: 'Lead' });
const bob = person('bob@acme.test');
const cat = person('cat@acme.test');
const dan = person('dan@acme.test', { suspended: true });

/** Ann: existing unlinked disabled agent (link + reactivate + update + roles + CAB join).
 *  Bob: linked agent leaving the admins group (role and CAB removal).
 *  Cat: new agent (create with roles, CAB join by Google id).  Dan: suspended (deactivation). */
function agentWorld() {
  const members = [ann, cat];
  return world({
    config: {
      mappings: [{ name: 'agents', agent: true, defaultRole: 'Technician' }],
      roles: [{ group: 'admins@acme.test', role: 'Administrator' }],
      cabs: [{ group: 'admins@acme.test', cab: 'Infrastructure CAB' }],
    },
    people: [ann, bob, cat, dan],
    groups: [group('admins@acme.test', members)],
    halo: {
      agents: [
        haloAgent(10, { email: 'ANN@acme.test', name: 'Ann Tester', firstname: 'Ann', surname: 'Tester', isdisabled: true, roles: [{ id: ROLES.readOnly.id, name: 'Read Only' }] }),
        linkedAgent(11, bob, [ROLES.technician, ROLES.administrator]),
        linkedAgent(13, dan, [ROLES.technician]),
      ],
      cabs: [cab(1, 'Infrastructure CAB', [11], [{ id: 77, agent_id: 99, is_mandatory: true }, { id: 78, user_id: 5 }])],
    },
  });
}

describe('planned writes', () => {
  const { plan, writes } = planOf(agentWorld());
  const indexOf = (action: string, email: string) => plan.changes.findIndex((c) => c.action === action && c.email === email);

  it('the plan these writes carry out', () => {
    expect(plan.changes.map((c) => `${c.action} ${c.email}`)).toEqual([
      'create cat@acme.test', 'link ann@acme.test', 'reactivate ann@acme.test', 'update ann@acme.test',
      'roles ann@acme.test', 'roles bob@acme.test', 'cabs ann@acme.test', 'cabs bob@acme.test', 'cabs cat@acme.test',
      'deactivate dan@acme.test',
    ]);
  });

  it('merges create/link/reactivate/update into one body per record, Halo field names, never an id', () => {
    expect(writes.agents).toEqual([
      {
        googleId: cat.id, email: 'cat@acme.test', changes: [indexOf('create', 'cat@acme.test')],
        body: { name: 'Cat Tester', firstname: 'Cat', surname: 'Tester', email: 'cat@acme.test', third_party_guid: cat.id, roles: [{ id: ROLES.technician.id }, { id: ROLES.administrator.id }] },
      },
      {
        googleId: ann.id, email: 'ann@acme.test', haloId: 10,
        changes: [indexOf('link', 'ann@acme.test'), indexOf('reactivate', 'ann@acme.test'), indexOf('update', 'ann@acme.test')],
        body: { third_party_guid: ann.id, jobtitle: 'Lead', isdisabled: false },
      },
    ]);
    for (const w of [...writes.users, ...writes.agents, ...writes.deactivations.users, ...writes.deactivations.agents]) expect(w.body).not.toHaveProperty('id');
  });

  it('role writes carry full sets: unmanaged roles preserved through both phases', () => {
    expect(writes.roleAdds).toEqual([{ agent: { haloId: 10 }, email: 'ann@acme.test', roleIds: [ROLES.readOnly.id, ROLES.administrator.id], changes: [indexOf('roles', 'ann@acme.test')] }]);
    expect(writes.roleRemovals).toEqual([{ agent: { haloId: 11 }, email: 'bob@acme.test', roleIds: [ROLES.technician.id], changes: [indexOf('roles', 'bob@acme.test')] }]);
  });

  it('CAB writes keep non-managed members verbatim, reference new agents by Google id, and keep adds through removals', () => {
    const others = [{ id: 77, agent_id: 99, is_mandatory: true }, { id: 78, user_id: 5 }];
    const bobSeat = { id: 1000, agent_id: 11 };
    expect(writes.cabAdds).toEqual([{
      cabId: 1, cabName: 'Infrastructure CAB', keep: [bobSeat, ...others], add: [{ haloId: 10 }, { googleId: cat.id }],
      changes: [indexOf('cabs', 'ann@acme.test'), indexOf('cabs', 'cat@acme.test')],
    }]);
    expect(writes.cabRemovals).toEqual([{
      cabId: 1, cabName: 'Infrastructure CAB', keep: others, add: [{ haloId: 10 }, { googleId: cat.id }],
      changes: [indexOf('cabs', 'bob@acme.test')],
    }]);
  });

  it('deactivations come last, one minimal body per record', () => {
    expect(writes.deactivations).toEqual({ users: [], agents: [{ googleId: dan.id, email: 'dan@acme.test', haloId: 13, body: { isdisabled: true }, changes: [indexOf('deactivate', 'dan@acme.test')] }] });
  });

  it('every change is carried out by some write, and every write points at real changes', () => {
    const carried = new Set([
      ...writes.users, ...writes.agents, ...writes.roleAdds, ...writes.roleRemovals, ...writes.cabAdds, ...writes.cabRemovals,
      ...writes.deactivations.users, ...writes.deactivations.agents,
    ].flatMap((w) => w.changes));
    expect([...carried].sort((a, b) => a - b)).toEqual(plan.changes.map((_, i) => i));
  });

  it('users: a user write carries site_id and googleworkplace_id; settings carry only differing fields', () => {
    const sue = person('sue@acme.test');
    const out = planOf(world({
      config: { mappings: [{ name: 'branch', site: 'Branch Office' }], signIn: { agents: true, portal: false, autoRedirect: false } },
      people: [sue],
      halo: { users: [haloUser(40, { emailaddress: 'sue@acme.test', name: 'Sue Tester', firstname: 'Sue', surname: 'Tester' })], control: { enablegooglesso: true } },
    }));
    expect(out.writes.users).toEqual([{ googleId: sue.id, email: 'sue@acme.test', haloId: 40, body: { googleworkplace_id: sue.id, site_id: 2 }, changes: [1, 2] }]);
    expect(out.writes.settings).toEqual({ body: { googlessotype: 1 }, changes: [0] });
  });
});
