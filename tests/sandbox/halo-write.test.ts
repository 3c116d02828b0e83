import { describe, expect, it } from 'vitest';
import { fixtureHalo, ROLE, sandboxState, startFixture, type Json } from './halo-fixture.js';

describe('Halo sandbox: POST bodies are checked against Halo OpenAPI schemas', () => {
  it('refuses a field the Users schema does not have with 400 naming it, and changes nothing', async () => {
    const f = await startFixture();
    const before = await sandboxState(f.url);
    const res = await f.api('POST', '/api/Users', [{ id: 1, title: 'Dentist' }, { id: 2, nosuchfield: 'x', title: 'Nurse' }]);
    expect(res.status).toBe(400);
    expect(res.body.title).toBe('One or more validation errors occurred.');
    expect(res.body.status).toBe(400);
    expect(Object.keys(res.body.errors)).toEqual(['[1].nosuchfield']);
    expect(res.body.errors['[1].nosuchfield'][0]).toContain("Unknown field 'nosuchfield'");
    expect(await sandboxState(f.url)).toEqual(before);
  });

  it('refuses wrong JSON types, nested ones included, and reports every error of the batch', async () => {
    const f = await startFixture();
    const res = await f.api('POST', '/api/Users', [
      { id: 1, inactive: 'yes' },
      { id: 2, site_id: '10', customfields: [{ id: 'x', value: 1 }] },
    ]);
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.errors).sort()).toEqual(['[0].inactive', '[1].customfields[0].id', '[1].site_id']);
    expect(res.body.errors['[0].inactive'][0]).toContain('System.Boolean');
  });

  it('refuses a body that is not a JSON array, and invalid JSON', async () => {
    const f = await startFixture();
    const object = await f.api('POST', '/api/Agent', { name: 'Solo' });
    expect(object.status).toBe(400);
    expect(object.body.errors.$[0]).toContain('JSON array');
    expect((await f.api('POST', '/api/Agent', '[{"name": ')).status).toBe(400);
  });

  it('checks agents against Uname, CABs against CabHeader and Control against Control', async () => {
    const f = await startFixture();
    expect(Object.keys((await f.api('POST', '/api/Agent', [{ id: 2, emailaddress: 'x@y' }])).body.errors)).toEqual(['[0].emailaddress']);
    expect(Object.keys((await f.api('POST', '/api/CAB', [{ id: 1, members: [{ agent: 2 }] }])).body.errors)).toEqual(['[0].members[0].agent']);
    expect(Object.keys((await f.api('POST', '/api/Control', [{ enablegooglesso: 1 }])).body.errors)).toEqual(['[0].enablegooglesso']);
  });
});

describe('Halo sandbox: upsert semantics', () => {
  it('creates a user without id, deriving site and client, and answers the saved object for a one-item array', async () => {
    const f = await startFixture();
    const res = await f.api('POST', '/api/Users', [{ firstname: 'Hana', surname: 'Ito', emailaddress: 'hana.ito@harbordental.example', site_id: 11 }]);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: 8, name: 'Hana Ito', site_name: 'Harbor Dental - Eastside', client_id: 1, inactive: false });
    expect((await f.api('GET', '/api/Users/8')).body.emailaddress).toBe('hana.ito@harbordental.example');
  });

  it('updates only the fields named, and answers an array for several items', async () => {
    const f = await startFixture();
    const res = await f.api('POST', '/api/Users', [
      { id: 7, title: 'Lead Hygienist' },
      { id: 0, name: 'New Person', site_id: 20 },
    ]);
    expect(Array.isArray(res.body)).toBe(true);
    expect(res.body.map((u: Json) => u.id)).toEqual([7, 8]);
    const gail = (await f.api('GET', '/api/Users/7')).body;
    expect(gail).toMatchObject({ title: 'Lead Hygienist', name: 'Gail Chen', emailaddress: 'gail.chen@harbordental.example', site_id: 11 });
  });

  it('answers 404 naming an unknown id, and applies nothing of that batch', async () => {
    const f = await startFixture();
    const res = await f.api('POST', '/api/Users', [{ id: 1, title: 'Changed' }, { id: 999, title: 'Ghost' }]);
    expect(res.status).toBe(404);
    expect(res.body.errors['[1].id'][0]).toContain('999');
    expect((await f.api('GET', '/api/Users/1')).body.title).toBeUndefined();
  });

  it('is all-or-nothing: one business-rule failure refuses the whole batch', async () => {
    const f = await startFixture();
    const before = await sandboxState(f.url);
    const res = await f.api('POST', '/api/Users', [
      { id: 1, title: 'Dentist' },
      { name: 'No Site' },
      { name: 'Bad Site', site_id: 99 },
    ]);
    expect(res.status).toBe(400);
    expect(res.body.errors['[1].site_id'][0]).toContain('needs a site_id');
    expect(res.body.errors['[2].site_id'][0]).toContain('99');
    expect(await sandboxState(f.url)).toEqual(before);
  });

  it('merges custom fields by id and refuses unknown custom field ids', async () => {
    const f = await startFixture();
    await f.api('POST', '/api/Users', [{ id: 2, customfields: [{ id: 151, value: 'HD-2002' }] }]);
    await f.api('POST', '/api/Users', [{ id: 2, title: 'Nurse' }]);
    expect((await f.api('GET', '/api/Users/2')).body.customfields).toEqual([expect.objectContaining({ id: 151, name: 'CFEmployeeNumber', value: 'HD-2002' })]);
    const bad = await f.api('POST', '/api/Users', [{ id: 2, customfields: [{ id: 999, value: 'x' }] }]);
    expect(bad.status).toBe(400);
    expect(bad.body.errors['[0].customfields[0].id'][0]).toContain('999');
  });

  it('replaces an agent role set with roles, appends with add_roles, and refuses unknown roles', async () => {
    const f = await startFixture();
    const replaced = await f.api('POST', '/api/Agent', [{ id: 2, roles: [{ id: ROLE.admin.toUpperCase() }] }]);
    expect(replaced.body.roles).toEqual([{ id: ROLE.admin, name: 'Administrator' }]);
    const appended = await f.api('POST', '/api/Agent', [{ id: 2, add_roles: [{ id: ROLE.technician }, { id: ROLE.admin }] }]);
    expect(appended.body.roles.map((r: Json) => r.name)).toEqual(['Administrator', 'Technician']);
    const unknown = await f.api('POST', '/api/Agent', [{ id: 2, roles: [{ id: '99999999-0000-0000-0000-000000000000' }] }]);
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors['[0].roles[0].id'][0]).toContain('99999999');
    const agent = (await f.api('GET', '/api/Agent?includeroles=true')).body.find((a: Json) => a.id === 2);
    expect(agent.roles.map((r: Json) => r.name)).toEqual(['Administrator', 'Technician']);
  });

  it('needs a name to create an agent, and creates one with its roles', async () => {
    const f = await startFixture();
    const nameless = await f.api('POST', '/api/Agent', [{ email: 'x@brightwater.example' }]);
    expect(nameless.status).toBe(400);
    expect(Object.keys(nameless.body.errors)).toEqual(['[0].name']);
    const created = await f.api('POST', '/api/Agent', [{ name: 'Leo Park', email: 'leo.park@brightwater.example', third_party_guid: '109876543210987654321', roles: [{ id: ROLE.technician }] }]);
    expect(created.body).toMatchObject({ id: 4, isdisabled: false, third_party_guid: '109876543210987654321', roles: [{ id: ROLE.technician, name: 'Technician' }] });
  });

  it('replaces CAB members, keeping member ids of those who stay, and refuses unknown agents', async () => {
    const f = await startFixture();
    const before = (await f.api('GET', '/api/CAB/1')).body.members;
    const res = await f.api('POST', '/api/CAB', [{ id: 1, members: [{ agent_id: 2 }, { agent_id: 3 }] }]);
    expect(res.body.members.map((m: Json) => m.agent_id)).toEqual([2, 3]);
    expect(res.body.members[0].id).toBe(before.find((m: Json) => m.agent_id === 2).id);
    const bad = await f.api('POST', '/api/CAB', [{ id: 1, members: [{ agent_id: 42 }] }]);
    expect(bad.status).toBe(400);
    expect(bad.body.errors['[0].members[0].agent_id'][0]).toContain('42');
    expect((await f.api('GET', '/api/CAB?includemembers=true')).body[0].members.map((m: Json) => m.agent_id)).toEqual([2, 3]);
  });

  it('merges Control settings, and upserts sites and clients', async () => {
    const f = await startFixture();
    const control = await f.api('POST', '/api/Control', [{ enablegooglesso: true, google_application: '204815162342-brightwaterhalo' }]);
    expect(control.body).toMatchObject({ enablegooglesso: true, google_application: '204815162342-brightwaterhalo', halointegrator_googleworkplace: false });
    const client = await f.api('POST', '/api/Client', [{ name: 'Orchard Vets' }]);
    expect(client.body).toMatchObject({ id: 3, name: 'Orchard Vets' });
    const site = await f.api('POST', '/api/Site', [{ name: 'Orchard Vets - Main', client_id: 3 }]);
    expect(site.body).toMatchObject({ id: 22, client_name: 'Orchard Vets' });
    expect((await f.api('POST', '/api/Site', [{ name: 'Orphan', client_id: 77 }])).status).toBe(400);
  });

  it('deletes users and agents, answering the deleted object; the agent leaves its CABs', async () => {
    const f = await startFixture();
    const user = await f.api('DELETE', '/api/Users/5');
    expect(user.body).toMatchObject({ id: 5, name: 'Eve Moreau' });
    expect((await f.api('GET', '/api/Users/5')).status).toBe(404);
    const agent = await f.api('DELETE', '/api/Agent/1');
    expect(agent.body).toMatchObject({ id: 1, email: 'breakglass@brightwater.example' });
    expect((await f.api('GET', '/api/CAB/1')).body.members.map((m: Json) => m.agent_id)).toEqual([2]);
    expect((await f.api('DELETE', '/api/Agent/1')).status).toBe(404);
  });

  it('answers 403 on paths the seed marks forbidden (an API application missing permissions)', async () => {
    const f = await startFixture({ simulate: { haloForbiddenPaths: ['/api/Agent'] } });
    expect((await f.api('GET', '/api/agent')).status).toBe(403);
    expect((await f.api('GET', '/api/Agent/2')).status).toBe(403);
    expect((await f.api('GET', '/api/Users')).status).toBe(200);
  });

  it('never mutates the seed object it was started from', async () => {
    const halo = fixtureHalo();
    const pristine = structuredClone(halo);
    const f = await startFixture({ halo });
    await f.api('POST', '/api/Users', [{ id: 1, title: 'Dentist', customfields: [{ id: 151, value: 'HD-9999' }] }]);
    await f.api('POST', '/api/Agent', [{ id: 2, add_roles: [{ id: ROLE.admin }], jobtitle: 'Lead' }]);
    await f.api('POST', '/api/CAB', [{ id: 1, members: [{ agent_id: 3 }] }]);
    await f.api('POST', '/api/Control', [{ enablegooglesso: true }]);
    await f.api('DELETE', '/api/Users/2');
    expect((await f.api('GET', '/api/Users/1')).body.title).toBe('Dentist');
    expect(halo).toEqual(pristine);
  });
});
