import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/diagnostics/errors.js';
import { loadSeedFile, parseSeed } from '../../src/sandbox/seed.js';

const HALO_BASE = `
halo:
  clients: [{ id: 1, name: Harbor Dental }]
  sites: [{ id: 10, name: Main Clinic, client_id: 1 }]
  roles: [{ id: 0b6f2a8e-4c1d-4f3a-9e21-5a7c3d9b1e01, name: Technician }]
  fields: [{ id: 151, name: CFEmployeeNumber, label: Employee number }]
`;

function errorsOf(text: string): string[] {
  const result = parseSeed(text, 'seed.yaml');
  expect(result.seed).toBeUndefined();
  return result.errors;
}

describe('parseSeed: valid seeds', () => {
  it('accepts an empty file and an empty JSON object: every section is optional', () => {
    expect(parseSeed('', 'empty.yaml')).toEqual({ seed: {}, errors: [], diagnostics: [] });
    expect(parseSeed('{}', 'empty.json').seed).toEqual({});
    expect(parseSeed('# only a comment\n', 'c.yaml').seed).toEqual({});
  });

  it('reads JSON by content, whatever the file is called', () => {
    const faults = { haloErrorRate: 0.1, googleErrorRate: 0.1, googleRateLimitRate: 0.2, lostResponseRate: 0.05, latencyMs: 20, seed: 3, haloRateLimit: { requests: 300, windowSeconds: 300 } };
    const json = JSON.stringify({ halo: { clients: [{ id: 1, name: 'A' }], sites: [{ id: 2, name: 'S', client_id: 1 }] }, faults });
    const result = parseSeed(json, 'seed.yaml');
    expect(result.errors).toEqual([]);
    expect(result.seed?.halo?.sites?.[0]?.client_id).toBe(1);
    expect(result.seed?.faults).toEqual(faults);
  });

  it('allows two Halo users to share an email (a seed may stage an ambiguity) and outside group members', () => {
    const text = `${HALO_BASE}
  users:
    - { id: 1, name: Lucy Tran, emailaddress: lucy@harbordental.example, site_id: 10 }
    - { id: 2, name: L. Tran, emailaddress: lucy@harbordental.example, site_id: 10 }
google:
  customers:
    my_customer:
      id: C01abc
      domain: acme.example
      users: [{ id: "101", primaryEmail: ann@acme.example }]
      groups:
        - { id: g1, email: staff@acme.example, members: [{ email: ann@acme.example, type: USER }, { email: partner@outside.example, type: USER }] }
`;
    expect(parseSeed(text, 'seed.yaml').errors).toEqual([]);
  });
});

describe('parseSeed: errors name the record and the field, with the position', () => {
  it('reports an unknown top-level section at the key, suggesting the right one', () => {
    expect(errorsOf('hallo:\n  users: []\nfaults: {}\n')).toEqual(["seed.yaml:1:1: error: seed: unknown key 'hallo' (did you mean 'halo'?)"]);
  });

  it('names a user whose site does not exist, by index and id', () => {
    const text = `${HALO_BASE}  users:
    - { id: 14, name: A, site_id: 10 }
    - { id: 15, name: B, site_id: 10 }
    - { id: 16, name: C, site_id: 10 }
    - { id: 17, name: D, site_id: 99 }
`;
    expect(errorsOf(text)).toEqual(['seed.yaml:11:35: error: halo.users[3] (id 17): site_id 99 is not a site in halo.sites']);
  });

  it('requires primaryEmail and a string id on Google users, naming the customer', () => {
    const text = `google:
  customers:
    C03hrbr01:
      id: C03hrbr01
      domain: harbordental.example
      users:
        - { id: "1", primaryEmail: a@harbordental.example }
        - { id: "2", primaryEmail: b@harbordental.example }
        - { id: "3", name: { givenName: C } }
        - { id: 104567890123456789012, primaryEmail: d@harbordental.example }
`;
    const errors = errorsOf(text);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toBe('seed.yaml:9:11: error: google.customers.C03hrbr01.users[2]: primaryEmail is required');
    expect(errors[1]).toContain('google.customers.C03hrbr01.users[3] (d@harbordental.example): id must be a string: quote it');
  });

  it('refuses duplicate ids and emails: Halo ids per list, Google ids and emails across directories', () => {
    const text = `${HALO_BASE}  users:
    - { id: 5, name: A, site_id: 10 }
    - { id: 5, name: B, site_id: 10 }
google:
  customers:
    my_customer:
      id: C01abc
      domain: acme.example
      users: [{ id: "7", primaryEmail: ann@acme.example }]
      groups: [{ id: g1, email: Ann@acme.example }]
    C02def:
      id: C02def
      domain: other.example
      users: [{ id: "7", primaryEmail: bob@other.example }]
`;
    const errors = errorsOf(text).join('\n');
    expect(errors).toContain('halo.users[1] (id 5): duplicate id 5 in halo.users');
    expect(errors).toContain('google.customers.C02def.users[0] (bob@other.example): duplicate user id 7');
    expect(errors).toContain('(Ann@acme.example): duplicate email Ann@acme.example (also user google.customers.my_customer.users[0]');
  });

  it('refuses group members that name unknown users or groups in a seeded domain, and unknown customers', () => {
    const text = `google:
  customers:
    my_customer:
      id: C01abc
      domain: acme.example
      users: [{ id: "1", primaryEmail: ann@acme.example }]
      groups:
        - id: g1
          email: leads@acme.example
          members:
            - { email: ann@acme.example, type: USER }
            - { email: nobody@acme.example, type: USER }
            - { email: ghosts@acme.example, type: GROUP }
            - { email: ann@acme.example, type: GROUP }
            - { id: C09zzz, type: CUSTOMER }
            - { email: x@acme.example, type: ROBOT }
`;
    const errors = errorsOf(text);
    expect(errors).toEqual([
      'seed.yaml:12:24: error: google.customers.my_customer.groups[0] (leads@acme.example).members[1]: USER member nobody@acme.example is not a user in any seeded directory',
      'seed.yaml:13:24: error: google.customers.my_customer.groups[0] (leads@acme.example).members[2]: GROUP member ghosts@acme.example is not a group in any seeded directory',
      'seed.yaml:14:24: error: google.customers.my_customer.groups[0] (leads@acme.example).members[3]: GROUP member ann@acme.example is a user, not a group',
      'seed.yaml:15:21: error: google.customers.my_customer.groups[0] (leads@acme.example).members[4]: CUSTOMER member "C09zzz" is not a seeded customer id',
      'seed.yaml:16:46: error: google.customers.my_customer.groups[0] (leads@acme.example).members[5]: type must be one of USER, GROUP, CUSTOMER, got "ROBOT"',
    ]);
  });

  it('refuses fault rates outside 0..1 and malformed rate limits', () => {
    const errors = errorsOf('faults: { haloErrorRate: 1.5, lostResponseRate: -0.1, googleErrorRate: 0.2, haloRateLimit: { requests: 0, windowSeconds: 300 }, latencyMs: -5 }\n');
    expect(errors).toEqual([
      'seed.yaml:1:26: error: faults.haloErrorRate: must be a fraction between 0 and 1 (0.05 = 5% of requests), got 1.5',
      'seed.yaml:1:49: error: faults.lostResponseRate: must be a fraction between 0 and 1 (0.05 = 5% of requests), got -0.1',
      'seed.yaml:1:104: error: faults.haloRateLimit: requests must be a whole number above 0, got 0',
      'seed.yaml:1:140: error: faults.latencyMs: must be milliseconds between 0 and 60000, got -5',
    ]);
  });

  it('checks Halo references: agent roles, CAB members, custom fields, site clients', () => {
    const text = `${HALO_BASE}  users:
    - { id: 1, name: A, site_id: 10, customfields: [{ id: 999, value: x }] }
  agents:
    - { id: 2, name: Aisha, roles: [{ id: 11111111-2222-3333-4444-555555555555 }] }
    - { id: 3, email: nameless@acme.example }
  cabs:
    - { id: 1, name: Infrastructure CAB, members: [{ agent_id: 2 }, { agent_id: 42 }, { user_id: 77 }, {}] }
`;
    const errors = errorsOf(text.replace('sites: [{ id: 10, name: Main Clinic, client_id: 1 }]', 'sites: [{ id: 10, name: Main Clinic, client_id: 1 }, { id: 11, name: X, client_id: 8 }]'));
    expect(errors.map((e) => e.replace(/^seed\.yaml:\d+:\d+: error: /, ''))).toEqual([
      'halo.sites[1] (id 11): client_id 8 is not a client in halo.clients',
      'halo.users[0] (id 1): customfields[0]: field 999 is not a custom field in halo.fields',
      'halo.agents[0] (id 2): role 11111111-2222-3333-4444-555555555555 is not a role in halo.roles',
      'halo.agents[1] (id 3): name is required (Halo refuses agents without one)',
      'halo.cabs[0] (id 1): members[1]: agent_id 42 is not an agent in halo.agents',
      'halo.cabs[0] (id 1): members[2]: user_id 77 is not a user in halo.users',
      'halo.cabs[0] (id 1): members[3]: a member needs an agent_id (or a user_id)',
    ]);
  });

  it("checks Halo records against Halo's OpenAPI schemas: unknown fields at the key, wrong types at the value", () => {
    const text = `${HALO_BASE}  users:
    - { id: 1, name: A, site_id: 10, emailadress: a@x.example, inactive: "no" }
  control: { enablegooglesso: "yes", googlesso: true }
`;
    expect(errorsOf(text)).toEqual([
      "seed.yaml:8:38: error: halo.users[0] (id 1): emailadress: Unknown field 'emailadress' (not in Halo's Users schema).",
      'seed.yaml:8:74: error: halo.users[0] (id 1): inactive: The JSON value "no" could not be converted to System.Boolean.',
      'seed.yaml:9:31: error: halo.control: enablegooglesso: The JSON value "yes" could not be converted to System.Boolean.',
      "seed.yaml:9:38: error: halo.control: googlesso: Unknown field 'googlesso' (not in Halo's Control schema).",
    ]);
  });

  it('refuses a customer keyed by something other than my_customer or its own id, and unknown keys inside', () => {
    const errors = errorsOf('google:\n  customers:\n    harbor:\n      id: C03hrbr01\n      domain: harbordental.example\n      user: []\n');
    expect(errors).toEqual([
      "seed.yaml:4:7: error: google.customers.harbor: a directory other than my_customer is keyed by its customer id: use 'C03hrbr01' as the key, or fix the id",
      "seed.yaml:6:7: error: google.customers.harbor: unknown key 'user' (did you mean 'users'?)",
    ]);
  });

  it('checks simulate switches', () => {
    const errors = errorsOf('simulate: { googleTokenError: nope, googleForbiddenCustomers: [C07], haloForbiddenPaths: [Agent] }\n');
    expect(errors.map((e) => e.replace(/^seed\.yaml:\d+:\d+: error: /, ''))).toEqual([
      'simulate.googleTokenError: must be one of unauthorized_client, admin_policy_enforced, invalid_grant, access_denied',
      'simulate.googleForbiddenCustomers: C07 is not a seeded customer (google.customers)',
      'simulate.haloForbiddenPaths: Agent must be an API path such as /api/Agent',
    ]);
  });

  it('reports YAML syntax errors and duplicate keys with their position', () => {
    expect(errorsOf('halo:\n  users: [\n')[0]).toMatch(/^seed\.yaml:\d+:\d+: error: not valid YAML or JSON: /);
    expect(errorsOf('faults: {}\nfaults: {}\n')[0]).toMatch(/^seed\.yaml:2:1: error: not valid YAML or JSON: .*unique/);
    expect(errorsOf('halo:\n  users: !people []\n')[0]).toMatch(/^seed\.yaml:2:10: error: not valid YAML or JSON: .*!people/);
    expect(errorsOf('- just\n- a list\n')).toEqual(['seed.yaml:1:1: error: a seed is a mapping with the sections google, halo, faults, simulate (all optional)']);
  });

  it('reports every problem at once, in file order', () => {
    const errors = errorsOf(`faults: { seed: 1.5 }\nhallo: {}\n${HALO_BASE}  users: [{ id: 0, site_id: 10 }]\n`);
    expect(errors).toHaveLength(3);
    const lines = errors.map((e) => Number(e.split(':')[1]));
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
  });
});

describe('loadSeedFile', () => {
  const dirs: string[] = [];
  afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

  it('throws a ConfigError holding every diagnostic, with the file path', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'halo-sync-seed-'));
    dirs.push(dir);
    const file = join(dir, 'bad.yaml');
    await writeFile(file, 'hallo: {}\nfaults: { haloErrorRate: 2 }\n');
    const error = await loadSeedFile(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).diagnostics.map((d) => [d.file, d.line])).toEqual([
      [file, 1],
      [file, 2],
    ]);
  });

  it('names a missing file', async () => {
    const error = await loadSeedFile('/nonexistent/seed.yaml').catch((e: unknown) => e);
    expect((error as ConfigError).diagnostics[0]?.message).toBe('cannot read the sandbox seed: no such file');
  });

  it('loads a good file, YAML or JSON', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'halo-sync-seed-'));
    dirs.push(dir);
    await writeFile(join(dir, 'seed.json'), JSON.stringify({ halo: { clientId: 'x', clientSecret: 'y' } }));
    expect(await loadSeedFile(join(dir, 'seed.json'))).toEqual({ halo: { clientId: 'x', clientSecret: 'y' } });
  });
});
