import { describe, expect, it } from 'vitest';
import type { MatchKey } from '../../src/config/types.js';
import { haloAgent, haloUser, lines, linkedUser, person, planOf, warningCodes, world } from '../builders.js';

const ann = person('ann@acme.test', { given: 'Ann', family: 'Lee', full: 'Ann Lee' });
const bob = person('bob@acme.test', { given: 'Bob', family: 'Stone', full: 'Bob Stone' });

function usersWorld(halo: Array<ReturnType<typeof haloUser>>, keys: MatchKey[] = ['email'], people = [ann]) {
  return world({ config: { matching: { users: keys, agents: ['email'], agentIdField: 'third_party_guid' } }, people, halo: { users: halo } });
}

describe('matching Google people to Halo records', () => {
  it.each([
    { name: 'exact email', record: { emailaddress: 'ann@acme.test' }, keys: ['email'] as MatchKey[] },
    { name: 'email, with a blank id field', record: { emailaddress: 'ann@acme.test', googleworkplace_id: '  ' }, keys: ['email'] as MatchKey[] },
    { name: 'email differing in case and surrounding spaces', record: { emailaddress: '  ANN@Acme.Test ' }, keys: ['email'] as MatchKey[] },
    { name: 'name, case- and space-insensitive', record: { firstname: ' ann ', surname: 'LEE  ', emailaddress: 'ann.lee@old.test' }, keys: ['name'] as MatchKey[] },
    { name: 'name from the display name when first name and surname are empty', record: { name: 'Ann   Lee', emailaddress: null }, keys: ['name'] as MatchKey[] },
    { name: 'second key when the first finds nothing', record: { firstname: 'Ann', surname: 'Lee', emailaddress: 'other@acme.test' }, keys: ['email', 'name'] as MatchKey[] },
  ])('links an unlinked record by $name', ({ record, keys }) => {
    const { plan, writes } = planOf(usersWorld([haloUser(7, { name: 'Ann Lee', firstname: 'Ann', surname: 'Lee', ...record })], keys));
    const link = plan.changes.find((c) => c.action === 'link');
    expect(link).toMatchObject({ subject: 'user', haloId: 7, email: 'ann@acme.test', googleId: ann.id });
    expect(link?.fields).toEqual([{ field: 'googleworkplace_id', before: null, after: ann.id }]);
    expect(plan.changes.some((c) => c.action === 'create')).toBe(false);
    expect(writes.users[0]?.body.googleworkplace_id).toBe(ann.id);
  });

  it('does not match by a key that is not configured', () => {
    const { plan } = planOf(usersWorld([haloUser(7, { firstname: 'Ann', surname: 'Lee', emailaddress: 'x@y.test' })], ['email']));
    expect(plan.changes.map((c) => c.action)).toEqual(['create']);
  });

  it('matches by Google id first, even when the email differs', () => {
    const { plan } = planOf(usersWorld([linkedUser(3, ann, { emailaddress: 'old@acme.test' }), haloUser(4, { emailaddress: 'ann@acme.test' })]));
    expect(lines(plan)).toEqual(['update user ann@acme.test emailaddress: old@acme.test → ann@acme.test']);
  });

  it('a record linked in this plan is managed at once: link, reactivate and update together', () => {
    const old = haloUser(7, { emailaddress: 'ann@acme.test', name: 'A. Lee', firstname: 'Ann', surname: 'Lee', inactive: true, site_id: 2, site_name: 'Branch Office' });
    const { plan } = planOf(usersWorld([old]));
    expect(lines(plan)).toEqual([
      'link user ann@acme.test',
      'reactivate user ann@acme.test',
      'update user ann@acme.test name: A. Lee → Ann Lee, site: Branch Office → Head Office',
    ]);
  });

  it('a returning person is reactivated, not recreated (inactive records are candidates)', () => {
    const { plan } = planOf(usersWorld([linkedUser(3, ann, { inactive: true })]));
    expect(lines(plan)).toEqual(['reactivate user ann@acme.test']);
    expect(plan.changes[0]?.reason).toContain('active in Google');
  });

  it.each([
    { name: 'two records with the same email', records: [haloUser(7, { emailaddress: 'ann@acme.test' }), haloUser(8, { emailaddress: 'ANN@acme.test' })], keys: ['email'] as MatchKey[] },
    { name: 'two records with the same name', records: [haloUser(7, { firstname: 'Ann', surname: 'Lee' }), haloUser(8, { firstname: 'ann', surname: 'lee' })], keys: ['name'] as MatchKey[] },
  ])('skips an ambiguous match ($name): no link, no create, a warning naming both records', ({ records, keys }) => {
    const { plan } = planOf(usersWorld(records, keys));
    expect(plan.changes).toEqual([]);
    expect(plan.warnings).toHaveLength(1);
    expect(plan.warnings[0]).toMatchObject({ code: 'ambiguous-match', email: 'ann@acme.test', googleId: ann.id });
    expect(plan.warnings[0]?.message).toMatch(/#7.*#8/);
  });

  it('one record claimed by two people is an ambiguity for both', () => {
    const annLee2 = person('ann.lee@acme.test', { given: 'Ann', family: 'Lee' });
    const { plan } = planOf(usersWorld([haloUser(7, { firstname: 'Ann', surname: 'Lee', emailaddress: 'a.lee@old.test' })], ['name'], [ann, annLee2, bob]));
    expect(lines(plan)).toEqual(['create user bob@acme.test']);
    expect(warningCodes(plan)).toEqual(['ambiguous-match ann.lee@acme.test', 'ambiguous-match ann@acme.test']);
    expect(plan.warnings[1]?.message).toContain('ann.lee@acme.test');
  });

  it('an ambiguity on the first key is not resolved by a later key', () => {
    const records = [haloUser(7, { emailaddress: 'ann@acme.test', firstname: 'Ann', surname: 'Lee' }), haloUser(8, { emailaddress: 'ann@acme.test' })];
    const { plan } = planOf(usersWorld(records, ['email', 'name']));
    expect(plan.changes).toEqual([]);
    expect(warningCodes(plan)).toEqual(['ambiguous-match ann@acme.test']);
  });

  it('records already linked to someone else are not candidates', () => {
    const { plan } = planOf(usersWorld([linkedUser(9, bob, { emailaddress: 'ann@acme.test' })], ['email'], [ann, bob]));
    expect(plan.changes.filter((c) => c.email === 'ann@acme.test').map((c) => c.action)).toEqual(['create']);
  });

  it("an agent whose id field holds another integration's value is not overwritten: the person is skipped", () => {
    const agent = haloAgent(30, { email: 'ann@acme.test', third_party_guid: 'okta-00u1abcd' });
    const w = world({ config: { mappings: [{ name: 'agents', agent: true }] }, people: [ann], halo: { agents: [agent] } });
    const { plan, writes } = planOf(w);
    expect(plan.changes).toEqual([]);
    expect(writes.agents).toEqual([]);
    expect(plan.warnings).toEqual([expect.objectContaining({ code: 'foreign-id', email: 'ann@acme.test', googleId: ann.id })]);
    expect(plan.warnings[0]?.message).toContain('okta-00u1abcd');
  });

  it('a foreign-id agent that matches nobody is simply left alone', () => {
    const agent = haloAgent(30, { email: 'zed@acme.test', third_party_guid: 'okta-00u1abcd', isdisabled: false });
    const w = world({ config: { mappings: [{ name: 'agents', agent: true }], lifecycle: { suspended: 'deactivate', outOfScope: 'deactivate' } }, people: [ann], halo: { agents: [agent] } });
    expect(lines(planOf(w).plan)).toEqual(['create agent ann@acme.test']);
  });

  it('two records carrying the same Google id are left alone with a warning', () => {
    const { plan } = planOf(usersWorld([linkedUser(3, ann, { title: 'x' }), linkedUser(4, ann)]));
    expect(plan.changes).toEqual([]);
    expect(plan.warnings).toEqual([expect.objectContaining({ code: 'duplicate-link', email: 'ann@acme.test' })]);
  });

  it('agents match on their own email field and keep the Google id in matching.agentIdField', () => {
    const agent = haloAgent(30, { email: 'Ann@Acme.test', name: 'Ann Lee', firstname: 'Ann', surname: 'Lee' });
    const w = world({
      config: { mappings: [{ name: 'agents', agent: true }], matching: { users: ['email'], agents: ['email'], agentIdField: 'matching_value' } },
      people: [ann],
      halo: { agents: [agent] },
    });
    const { plan, writes } = planOf(w);
    expect(lines(plan)).toEqual(['link agent ann@acme.test']);
    expect(plan.changes[0]?.fields).toEqual([{ field: 'matching_value', before: null, after: ann.id }]);
    expect(writes.agents).toEqual([{ googleId: ann.id, email: 'ann@acme.test', haloId: 30, body: { matching_value: ann.id }, changes: [0] }]);
  });
});
