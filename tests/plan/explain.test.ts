import { describe, expect, it } from 'vitest';
import { explainPerson } from '../../src/plan/index.js';
import { renderExplanation } from '../../src/render/explain-text.js';
import { found, group, haloUser, linkedAgent, linkedUser, notFound, person, read, ROLES, world } from '../builders.js';

const ann = person('ann@acme.test', { ou: '/Staff/Sales', title: 'Engineer', aliases: ['annie@acme.test'] });

function explainWorld() {
  return world({
    config: {
      mappings: [
        { name: 'engineers', agent: true, defaultRole: 'Technician', filter: { field: 'orgUnitPath', op: 'under', value: '/Engineering' } },
        { name: 'helpdesk', agent: true, filter: { all: [{ field: 'orgUnitPath', op: 'under', value: '/Staff' }, { field: 'group', op: 'memberOf', value: 'helpdesk@acme.test' }] } },
        { name: 'sales', site: 'Branch Office', filter: { field: 'orgUnitPath', op: 'under', value: '/Staff/Sales' } },
        { name: 'staff', site: 'Head Office', filter: { field: 'orgUnitPath', op: 'under', value: '/Staff' } },
      ],
      roles: [{ group: 'admins@acme.test', role: 'Administrator' }, { group: 'leads@acme.test', role: 'Senior Technician' }],
      licence: { enabled: true, activeRoles: ['Technician', 'Administrator'] },
    },
    people: [ann],
    groups: [group('helpdesk@acme.test', [ann]), group('admins@acme.test', [ann]), group('leads@acme.test', [])],
    halo: {
      users: [linkedUser(10, ann, { title: 'Intern', site_id: 2, site_name: 'Branch Office' })],
      agents: [linkedAgent(20, ann, [ROLES.senior, ROLES.technician])],
    },
  });
}

describe('explainPerson', () => {
  const w = explainWorld();
  const e = explainPerson(w.loaded, w.directory, w.halo, 'ANNIE@acme.test');

  it('finds a person by alias, case-insensitively', () => {
    expect(e.person).toMatchObject({ googleId: ann.id, primaryEmail: 'ann@acme.test', source: 'read', suspended: false });
  });

  it('traces every mapping of each import, with the clause results, and who placed them (first wins)', () => {
    expect(e.imports.map((t) => [t.kind, t.placedBy, t.mappings.map((m) => `${m.mapping}:${m.matched}`)])).toEqual([
      ['users', 'sales', ['sales:true', 'staff:true']],
      ['agents', 'helpdesk', ['engineers:false', 'helpdesk:true']],
    ]);
    const engineers = e.imports[1]?.mappings[0];
    expect(engineers?.trace).toMatchObject({ kind: 'clause', result: false, actual: '/Staff/Sales' });
  });

  it('says how Halo matched them, what they get, and the licence verdict', () => {
    const [users, agents] = e.imports;
    expect(users?.match).toMatchObject({ how: 'id', haloId: 10 });
    expect(users?.desired.find((d) => d.field === 'title')).toEqual({ field: 'title', from: 'organizations.title', value: 'Engineer' });
    expect(agents?.roles).toEqual([
      { name: 'Administrator', state: 'grant', grantedBy: ['admins@acme.test'], groups: ['admins@acme.test'], holds: false },
      { name: 'Senior Technician', state: 'deny', grantedBy: [], groups: ['leads@acme.test'], holds: true },
    ]);
    expect(agents?.licence).toMatchObject({ active: true, holding: ['Administrator', 'Technician'] });
  });

  it('lists exactly the planned changes that concern them', () => {
    expect(e.changes.map((c) => `${c.action} ${c.subject}`)).toEqual(['update user', 'roles agent']);
  });

  it('renders as text a reviewer can follow (no colour codes unless asked)', () => {
    const text = renderExplanation(e, { color: false });
    expect(text).toContain('ann@acme.test — Ann Tester');
    expect(text).toContain('mapping "sales": placed them');
    expect(text).toContain('mapping "staff": matches too, but "sales" comes first (first mapping wins)');
    expect(text).toContain('✗ orgUnitPath under /Engineering (is /Staff/Sales)');
    expect(text).toContain('✓ group memberOf helpdesk@acme.test (a member)');
    expect(text).toContain('+ Administrator: member of admins@acme.test');
    expect(text).toContain('- Senior Technician: not a member of leads@acme.test (holds it now)');
    expect(text).toContain('title: Intern → Engineer');
    expect(text).not.toContain('\u001b[');
    expect(renderExplanation(e, { color: true })).toContain('\u001b[32m');
  });

  it('explains a person no read returned but a lookup found', () => {
    const moved = person('ann@acme.test', { ou: '/Staff' });
    const lw = world({ config: explainWorld().loaded.config, reads: [read('own|all', ['sales', 'staff'], [])], lookups: [found(moved)], halo: { users: [linkedUser(10, moved)] } });
    const out = explainPerson(lw.loaded, lw.directory, lw.halo, 'ann@acme.test');
    expect(out.person?.source).toBe('lookup');
    expect(out.imports[0]?.placedBy).toBe('staff');
    expect(renderExplanation(out, { color: false })).toContain("found by a direct users.get");
  });

  it('says so when the person is in no read, and shows Halo records and their fate', () => {
    const gone = person('gone@acme.test');
    const gw = world({ config: { lifecycle: { suspended: 'deactivate', outOfScope: 'deactivate' } }, reads: [read('own|staff', ['staff'], [])], lookups: [notFound(gone.id)], halo: { users: [linkedUser(10, gone)] } });
    const out = explainPerson(gw.loaded, gw.directory, gw.halo, 'gone@acme.test');
    expect(out.person).toBeNull();
    expect(out.note).toContain('users.get found no such user (deleted from Google)');
    expect(out.haloRecords).toEqual([{ subject: 'user', haloId: 10, name: 'Gone Tester', email: 'gone@acme.test', googleId: gone.id, inactive: false }]);
    expect(out.changes.map((c) => c.action)).toEqual(['deactivate']);
  });

  it('explains ambiguity and would-be creation', () => {
    const bob = person('bob@acme.test', { ou: '/Staff' });
    const cat = person('cat@acme.test', { ou: '/Staff' });
    const aw = world({ config: { mappings: [{ name: 'staff', site: 'Head Office' }] }, people: [bob, cat], halo: { users: [haloUser(1, { emailaddress: 'bob@acme.test' }), haloUser(2, { emailaddress: 'bob@acme.test' })] } });
    const ambiguous = explainPerson(aw.loaded, aw.directory, aw.halo, 'bob@acme.test');
    expect(ambiguous.imports[0]?.match?.how).toBe('ambiguous');
    expect(ambiguous.warnings.map((x) => x.code)).toEqual(['ambiguous-match']);
    const created = explainPerson(aw.loaded, aw.directory, aw.halo, 'cat@acme.test');
    expect(created.imports[0]?.match?.how).toBe('create');
    expect(created.changes.map((c) => c.action)).toEqual(['create']);
  });

  it('reports reference errors instead of changes', () => {
    const bw = world({ config: { mappings: [{ name: 'staff', site: 'Nowhere' }] }, people: [ann] });
    const out = explainPerson(bw.loaded, bw.directory, bw.halo, 'ann@acme.test');
    expect(out.diagnostics[0]?.code).toBe('unknown-site');
    expect(renderExplanation(out, { color: false })).toContain('none: the plan could not be made');
  });
});
