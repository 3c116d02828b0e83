import { describe, expect, it } from 'vitest';
import { MAX_PAGE_SIZE } from '../../src/sandbox/halo/index.js';
import { parse, ROLE, startFixture, type Json } from './halo-fixture.js';

describe('Halo sandbox: discovery', () => {
  it('serves /api/authinfo without a token, and the auth_url it names issues tokens', async () => {
    const f = await startFixture();
    const info = await fetch(`${f.url}/api/authinfo`);
    expect(info.status).toBe(200);
    const body = (await info.json()) as { auth_url: string; tenant_id: unknown };
    expect(body.auth_url).toBe(`${f.url}/auth`);
    expect(body.tenant_id).toBeNull();
    const token = await fetch(`${body.auth_url}/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials&client_id=sandbox&client_secret=sandbox&scope=all',
    });
    expect(token.status).toBe(200);
    expect(await token.json()).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
  });
});

describe('Halo sandbox: /api/Users', () => {
  it('pages with pageinate/page_size/page_no and reports the total in record_count', async () => {
    const f = await startFixture();
    const pages: Json[] = [];
    for (let page = 1; page <= 4; page++) pages.push((await f.api('GET', `/api/Users?pageinate=true&page_size=2&page_no=${page}`)).body);
    expect(pages.map((p) => p.page_no)).toEqual([1, 2, 3, 4]);
    expect(pages.every((p) => p.page_size === 2 && p.record_count === 5)).toBe(true);
    expect(pages.map((p) => p.users.map((u: Json) => u.id))).toEqual([[1, 2], [4, 5], [7], []]);
  });

  it('hides inactive users unless includeinactive=true, and can list only inactive ones', async () => {
    const f = await startFixture();
    const active = (await f.api('GET', '/api/Users')).body;
    expect(active).toEqual({ record_count: 5, users: expect.any(Array) });
    expect(active.users.some((u: Json) => u.inactive)).toBe(false);
    const all = (await f.api('GET', '/api/Users?includeinactive=true')).body;
    expect(all.record_count).toBe(7);
    const onlyInactive = (await f.api('GET', '/api/Users?includeinactive=true&includeactive=false')).body;
    expect(onlyInactive.users.map((u: Json) => u.id)).toEqual([3, 6]);
  });

  it('limits an unpaged list with count (record_count is then the number returned)', async () => {
    const f = await startFixture();
    const body = (await f.api('GET', '/api/Users?count=2')).body;
    expect(body.users.map((u: Json) => u.id)).toEqual([1, 2]);
    expect(body.record_count).toBe(2);
  });

  it('filters by search (name or email, case-insensitive), site_id and client_id', async () => {
    const f = await startFixture();
    const ids = async (q: string) => (await f.api('GET', `/api/Users?includeinactive=true&${q}`)).body.users.map((u: Json) => u.id);
    expect(await ids('search=KEYSTONELEGAL')).toEqual([4, 5, 6]);
    expect(await ids('search=ana%20sil')).toEqual([1]);
    expect(await ids('site_id=11')).toEqual([3, 7]);
    expect(await ids('client_id=1')).toEqual([1, 2, 3, 7]);
  });

  it('renders derived site and client fields and named custom fields on list rows', async () => {
    const f = await startFixture();
    const ana = (await f.api('GET', '/api/Users?search=ana.silva')).body.users[0];
    expect(ana).toMatchObject({ id: 1, site_id: 10, site_name: 'Harbor Dental - Main Clinic', client_id: 1, client_name: 'Harbor Dental', inactive: false });
    expect(ana.customfields).toEqual([expect.objectContaining({ id: 151, name: 'CFEmployeeNumber', value: 'HD-1001' })]);
  });

  it('clamps page_size to the documented maximum', async () => {
    const users = Array.from({ length: MAX_PAGE_SIZE + 30 }, (_, i) => ({ id: i + 1, name: `User ${i + 1}`, site_id: 10 }));
    const f = await startFixture({ halo: { sites: [{ id: 10, name: 'Site', client_id: 1 }], clients: [{ id: 1, name: 'C' }], users } });
    const first = (await f.api('GET', '/api/Users?pageinate=true&page_size=5000&page_no=1')).body;
    expect(first.page_size).toBe(MAX_PAGE_SIZE);
    expect(first.users).toHaveLength(MAX_PAGE_SIZE);
    const second = (await f.api('GET', '/api/Users?pageinate=true&page_size=5000&page_no=2')).body;
    expect(second.users).toHaveLength(30);
    expect(second.record_count).toBe(MAX_PAGE_SIZE + 30);
  });

  it('treats paths case-insensitively and serves one user by id (inactive included), 404 naming an unknown id', async () => {
    const f = await startFixture();
    expect((await f.api('GET', '/API/users/3')).body).toMatchObject({ id: 3, inactive: true });
    const missing = await f.api('GET', '/api/Users/999');
    expect(missing.status).toBe(404);
    expect(JSON.stringify(missing.body)).toContain('999');
  });

  it('refuses malformed query values with 400 naming the parameter', async () => {
    const f = await startFixture();
    const bad = await f.api('GET', '/api/Users?includeinactive=yes');
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.errors)).toEqual(['includeinactive']);
    expect((await f.api('GET', '/api/Users?pageinate=true&page_no=0')).status).toBe(400);
  });
});

describe('Halo sandbox: /api/Agent and the other lists', () => {
  it('returns a bare array of agents, disabled ones only with includedisabled=true', async () => {
    const f = await startFixture();
    const enabled = (await f.api('GET', '/api/Agent')).body;
    expect(Array.isArray(enabled)).toBe(true);
    expect(enabled.map((a: Json) => a.id)).toEqual([1, 2]);
    const all = (await f.api('GET', '/api/agent?includedisabled=true')).body;
    expect(all.map((a: Json) => [a.id, a.isdisabled])).toEqual([[1, false], [2, false], [3, true]]);
  });

  it('includes roles as [{id, name}] only with includeroles=true', async () => {
    const f = await startFixture();
    const without = (await f.api('GET', '/api/Agent')).body;
    expect(without.every((a: Json) => !('roles' in a))).toBe(true);
    const withRoles = (await f.api('GET', '/api/Agent?includeroles=true')).body;
    expect(withRoles.find((a: Json) => a.id === 2).roles).toEqual([
      { id: ROLE.technician, name: 'Technician' },
      { id: ROLE.senior, name: 'Senior Technician' },
    ]);
    expect((await f.api('GET', '/api/Agent?search=aisha')).body.map((a: Json) => a.id)).toEqual([2]);
    expect((await f.api('GET', '/api/Agent/3')).body).toMatchObject({ id: 3, isdisabled: true, roles: [{ id: ROLE.technician, name: 'Technician' }] });
  });

  it('wraps sites and clients, hides inactive sites unless asked, and returns roles, CABs and fields as bare arrays', async () => {
    const f = await startFixture();
    const sites = (await f.api('GET', '/api/Site')).body;
    expect(sites.record_count).toBe(3);
    expect(sites.sites[0]).toMatchObject({ id: 10, client_id: 1, client_name: 'Harbor Dental' });
    expect((await f.api('GET', '/api/Site?includeinactive=true')).body.record_count).toBe(4);
    expect((await f.api('GET', '/api/Site?pageinate=true&page_size=2&page_no=2')).body).toMatchObject({ page_no: 2, record_count: 3, sites: [{ id: 20 }] });
    expect((await f.api('GET', '/api/Client')).body).toEqual({ record_count: 2, clients: [expect.objectContaining({ id: 1, name: 'Harbor Dental' }), expect.objectContaining({ id: 2 })] });
    expect((await f.api('GET', '/api/Roles')).body.map((r: Json) => r.name)).toEqual(['Technician', 'Senior Technician', 'Administrator']);
    expect((await f.api('GET', '/api/FieldInfo')).body).toEqual([expect.objectContaining({ id: 151, name: 'CFEmployeeNumber', label: 'Employee number' })]);
    expect((await f.api('GET', '/api/Control')).body).toMatchObject({ enablegooglesso: false, halointegrator_googleworkplace: false });
  });

  it('includes CAB members only with includemembers=true', async () => {
    const f = await startFixture();
    const bare = (await f.api('GET', '/api/CAB')).body;
    expect(bare.map((c: Json) => c.name)).toEqual(['Infrastructure CAB', 'Software Release CAB']);
    expect(bare.every((c: Json) => !('members' in c))).toBe(true);
    const full = (await f.api('GET', '/api/CAB?includemembers=true')).body;
    expect(full[0].members.map((m: Json) => [m.agent_id, m.member_name, m.cab_id])).toEqual([
      [1, 'Break Glass', 1],
      [2, 'Aisha Kamara', 1],
    ]);
  });

  it('answers 404 for endpoints it does not have and 405 for unsupported methods', async () => {
    const f = await startFixture();
    expect((await f.api('GET', '/api/Tickets')).status).toBe(404);
    const res = await f.api('DELETE', '/api/CAB/1');
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET');
    expect(await parse(await fetch(`${f.url}/nothing-here`))).toMatchObject({ Message: expect.stringContaining('/nothing-here') });
  });
});
