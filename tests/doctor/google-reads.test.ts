/**
 * doctor's Google read checks, passing and failing, over the sandbox: customer ids (customers.get,
 * whose extra scope may be missing from the delegation: a warning), one users read and one groups
 * read per customer the config names (a customer that refuses fails alone), and every group the
 * config names exists (a missing one fails at its config line).
 */
import { describe, expect, it } from 'vitest';
import { CUSTOMER_READ_SCOPE, DIRECTORY_SCOPES } from '../../src/google/index.js';
import { CLIENT_ID, closedPort, configVariant, doctorJson, sandbox, serviceAccountEnv, staticEnv } from './helpers.js';

const CUSTOMERS = ['my_customer', 'C03hrbr01', 'C04kystn1'];

describe('doctor: Google reads', () => {
  it('customer ids: resolved with their domains (service account asking for the customer scope too)', async () => {
    const sb = await sandbox();
    const run = await doctorJson(serviceAccountEnv(sb));
    expect(run.find('google.customers')).toMatchObject({
      status: 'ok',
      detail: 'my_customer = C01brtw01 (brightwater.example), C03hrbr01 (harbordental.example), C04kystn1 (keystonelegal.example)',
    });
  });

  it('customer ids: a delegation without the customer scope → warn (plan does not need it) naming the scope to add; the reads still run', async () => {
    const sb = await sandbox((seed) => {
      seed.simulate = { googleDelegatedScopes: [...DIRECTORY_SCOPES] };
    });
    const run = await doctorJson(serviceAccountEnv(sb));
    expect(run.code).toBe(0);
    expect(run.find('google.token').status).toBe('ok');
    const lookup = run.find('google.customers');
    expect(lookup.status).toBe('warn');
    expect(lookup.detail).toContain(`the token exchange with ${CUSTOMER_READ_SCOPE} was refused (unauthorized_client)`);
    expect(lookup.fix).toContain(`add ${CUSTOMER_READ_SCOPE} to client id ${CLIENT_ID}'s scopes`);
    for (const customer of CUSTOMERS) expect(run.find(`google.users:${customer}`)).toMatchObject({ status: 'ok', detail: 'allowed' });
  });

  it('users and groups reads: allowed for every customer the config names', async () => {
    const sb = await sandbox();
    const run = await doctorJson(staticEnv(sb));
    for (const customer of CUSTOMERS) {
      expect(run.find(`google.users:${customer}`).status).toBe('ok');
      expect(run.find(`google.groups:${customer}`).status).toBe('ok');
    }
    expect(run.find('google.users:C03hrbr01').detail).toBe('allowed (harbordental.example)');
    const stats = sb.google.stats().byEndpoint;
    expect(stats['GET /admin/directory/v1/users']).toBe(CUSTOMERS.length);
    expect(stats['GET /admin/directory/v1/groups']).toBe(CUSTOMERS.length);
  });

  it('users and groups reads: a customer that refuses fails alone, with the customer id and what to check', async () => {
    const sb = await sandbox((seed) => {
      seed.simulate = { googleForbiddenCustomers: ['C03hrbr01'] };
    });
    const run = await doctorJson(serviceAccountEnv(sb));
    expect(run.code).toBe(1);
    for (const id of ['google.users:C03hrbr01', 'google.groups:C03hrbr01']) {
      const c = run.find(id);
      expect(c.status, id).toBe('fail');
      expect(c.detail).toBe('403 forbidden: customer C03hrbr01 refused the read: Not Authorized to access this resource/api');
      expect(c.fix).toMatch(/check the customer id in the config.*reseller administration/);
    }
    expect(run.find('google.users:C04kystn1').status).toBe('ok');
    expect(run.find('google.users:my_customer').status).toBe('ok');
    expect(run.find('google.subject').status).toBe('ok'); // the subject is an admin of its own directory
    expect(run.find('google.customers')).toMatchObject({ status: 'warn', items: [expect.stringMatching(/^C03hrbr01: 403 forbidden/)] });
  });

  it('users and groups reads: an unknown customer id in the config fails that customer', async () => {
    const sb = await sandbox();
    const file = configVariant('unknown-customer.yaml', [['customer: C04kystn1', 'customer: C09nosuch']]);
    const run = await doctorJson(staticEnv(sb), ['-c', file]);
    expect(run.find('google.users:C09nosuch')).toMatchObject({ status: 'fail', detail: expect.stringMatching(/customer C09nosuch refused the read/) });
    expect(run.report.checks.some((c) => c.id.endsWith(':C04kystn1'))).toBe(false);
    expect(run.find('google.users:C03hrbr01').status).toBe('ok');
  });

  it('groups named in the config: all found → ok; a missing one → fail at its config line', async () => {
    const sb = await sandbox();
    expect((await doctorJson(staticEnv(sb))).find('google.groups-exist')).toMatchObject({ status: 'ok', detail: 'all 5 found' });

    const file = configVariant('missing-group.yaml', [
      ['{ group: it-admins@brightwater.example, role: Administrator }', '{ group: it-admin@brightwater.example, role: Administrator }'],
      ['value: halo-agents@brightwater.example', 'value: halo-agent@brightwater.example'],
    ]);
    const run = await doctorJson(staticEnv(sb), ['-c', file]);
    expect(run.code).toBe(1);
    const groups = run.find('google.groups-exist');
    expect(groups.status).toBe('fail');
    expect(groups.detail).toBe('2 of 5 not found or unreadable');
    expect(groups.items).toEqual([
      expect.stringMatching(/missing-group\.yaml:\d+:\d+: error: group it-admin@brightwater\.example does not exist in Google/),
      expect.stringMatching(/missing-group\.yaml:3\d:\d+: error: group halo-agent@brightwater\.example does not exist in Google/),
    ]);
    expect(groups.fix).toMatch(/correct the group emails in .*missing-group\.yaml/);
  });

  it('a Google API root that does not answer fails the reads with the network fix', async () => {
    const sb = await sandbox();
    const port = await closedPort();
    const run = await doctorJson(staticEnv(sb, { GOOGLE_API_ROOT: `http://127.0.0.1:${port}` }));
    const users = run.find('google.users:my_customer');
    expect(users.status).toBe('fail');
    expect(users.detail).toMatch(/^no answer from Google \(network error \(ECONNREFUSED\)/);
    expect(users.fix).toContain(`GOOGLE_API_ROOT (now http://127.0.0.1:${port}/)`);
  });
});
