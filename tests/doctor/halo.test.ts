/**
 * Each Halo check of doctor, passing and failing, over the sandbox: URL reachable, token (wrong
 * secret, missing variables, the hosted-tenant hint), every read (403 → the permission to grant),
 * names in the config (did you mean, at the config line), two writers, live Sign-In settings.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runDoctor } from '../../src/app/run-doctor.js';
import { closedPort, configVariant, doctorJson, EXAMPLE_CONFIG, REPO, sandbox, staticEnv, writeTemp } from './helpers.js';

const READS = ['users', 'agents', 'sites', 'clients', 'roles', 'cabs', 'fields', 'control'];
const PATHS = ['/api/Users', '/api/Agent', '/api/Site', '/api/Client', '/api/Roles', '/api/CAB', '/api/FieldInfo', '/api/Control'];
const GRANTS = ['read:customers', 'admin', 'read:customers', 'read:customers', 'admin', 'admin', 'admin', 'admin'];

describe('doctor: Halo', () => {
  it('URL reachable: ok when Halo answers; connection refused → fail naming the URL, and the later Halo checks are skipped', async () => {
    const sb = await sandbox();
    const ok = await doctorJson(staticEnv(sb));
    expect(ok.find('halo.url')).toMatchObject({ status: 'ok', detail: `${sb.env.HALO_URL} answers (from HALO_URL)` });

    const port = await closedPort();
    const down = await doctorJson(staticEnv(sb, { HALO_URL: `http://127.0.0.1:${port}` }));
    expect(down.code).toBe(1);
    const url = down.find('halo.url');
    expect(url.status).toBe('fail');
    expect(url.detail).toBe(`cannot reach http://127.0.0.1:${port} (from HALO_URL): connection refused (ECONNREFUSED)`);
    expect(url.fix).toMatch(/nothing answers at http:\/\/127\.0\.0\.1:\d+: check the host and port/);
    expect(down.find('halo.token')).toMatchObject({ status: 'skip', detail: 'Halo is not reachable (see above)' });
    expect(down.find('halo.read.agents').status).toBe('skip');
    // Google does not depend on Halo.
    expect(down.find('google.users:C03hrbr01').status).toBe('ok');
  });

  it('URL reachable: a URL that does not resolve names the host problem', async () => {
    const sb = await sandbox();
    const run = await doctorJson(staticEnv(sb, { HALO_URL: 'http://halo.invalid' }));
    expect(run.find('halo.url')).toMatchObject({ status: 'fail', detail: expect.stringMatching(/cannot reach http:\/\/halo\.invalid.*host not found|cannot reach http:\/\/halo\.invalid.*EAI_AGAIN/) });
  });

  it('token: ok with the right secret; a wrong secret → "Halo rejected HALO_CLIENT_ID/HALO_CLIENT_SECRET" with the fix; reads skipped', async () => {
    const sb = await sandbox();
    const ok = await doctorJson(staticEnv(sb));
    expect(ok.find('halo.token')).toMatchObject({ status: 'ok', detail: expect.stringMatching(/^obtained \(client credentials; auth server http:\/\/127\.0\.0\.1:\d+\/auth \(from \/api\/authinfo\)/) });

    const wrong = await doctorJson(staticEnv(sb, { HALO_CLIENT_SECRET: 'wrong-secret-1234567' }));
    const token = wrong.find('halo.token');
    expect(token.status).toBe('fail');
    expect(token.detail).toMatch(/^Halo rejected HALO_CLIENT_ID\/HALO_CLIENT_SECRET \(POST http:\/\/127\.0\.0\.1:\d+\/auth\/token: 401 invalid_client\)$/);
    expect(token.fix).toMatch(/Client ID and Secret \(Services\).*Configuration › Integrations › Halo API/);
    expect(token.fix).not.toMatch(/hosted/i); // not a hosted URL: no tenant hint
    for (const read of READS) expect(wrong.find(`halo.read.${read}`)).toMatchObject({ status: 'skip', detail: 'no Halo token (see above)' });
  });

  it('token: missing HALO_CLIENT_ID / HALO_CLIENT_SECRET → fail naming both', async () => {
    const sb = await sandbox();
    const run = await doctorJson(staticEnv(sb, { HALO_CLIENT_ID: undefined, HALO_CLIENT_SECRET: '' }));
    expect(run.find('halo.token')).toMatchObject({ status: 'fail', detail: 'HALO_CLIENT_ID and HALO_CLIENT_SECRET are not set' });
  });

  it('token: on a hosted *.halopsa.com URL a rejected secret adds the tenant / HALO_AUTH_URL hint', async () => {
    const sb = await sandbox();
    const hosted = 'https://brightwater.halopsa.com';
    // The hosted URL is routed to the sandbox, so the check sees a hosted base URL and a real 401.
    const route: typeof fetch = (input, init) => fetch(String(input instanceof Request ? input.url : input).replace(hosted, sb.env.HALO_URL as string), init);
    const env = staticEnv(sb, { HALO_URL: hosted, HALO_CLIENT_SECRET: 'wrong-secret-1234567' });
    const report = await runDoctor({ configFile: EXAMPLE_CONFIG, cwd: REPO, env, fetch: route });
    const token = report.checks.find((c) => c.id === 'halo.token');
    expect(token?.status).toBe('fail');
    expect(token?.fix).toMatch(/On hosted Halo also check the tenant \(HALO_TENANT or halo\.tenant, not set\) and HALO_AUTH_URL \(not set\)/);
  });

  it('reads: every read plan makes is allowed; each one refused (403) fails alone and names the permission to grant', async () => {
    const sb = await sandbox();
    const ok = await doctorJson(staticEnv(sb));
    for (const read of READS) expect(ok.find(`halo.read.${read}`).status).toBe('ok');
    expect(ok.find('halo.read.users').detail).toBe('allowed (14 end users)');
    expect(ok.find('halo.read.agents').detail).toBe('allowed (12 agents)');

    const denied = await sandbox((seed) => {
      seed.simulate = { haloForbiddenPaths: PATHS };
    });
    const run = await doctorJson(staticEnv(denied));
    expect(run.code).toBe(1);
    READS.forEach((read, i) => {
      const c = run.find(`halo.read.${read}`);
      expect(c.status, read).toBe('fail');
      expect(c.title).toContain(`GET ${PATHS[i]}`);
      expect(c.detail).toMatch(/^403: the API application may not read /);
      expect(c.fix).toContain(`grant "${GRANTS[i]}" (or "all")`);
      expect(c.fix).toMatch(/the agent the application logs in as also needs a role/);
    });
    expect(run.find('halo.references')).toMatchObject({ status: 'skip', detail: expect.stringMatching(/agents, sites, roles, cabs, fields/) });
    expect(run.find('halo.two-writers').status).toBe('skip');
    expect(run.find('halo.sign-in').status).toBe('skip');
  });

  it('reads: one refused read leaves the others and the checks that do not need it running', async () => {
    const sb = await sandbox((seed) => {
      seed.simulate = { haloForbiddenPaths: ['/api/Control'] };
    });
    const run = await doctorJson(staticEnv(sb));
    expect(run.find('halo.read.control').status).toBe('fail');
    expect(run.find('halo.read.agents').status).toBe('ok');
    expect(run.find('halo.references').status).toBe('ok');
    expect(run.find('halo.two-writers')).toMatchObject({ status: 'skip', detail: expect.stringMatching(/settings \(Control\) read/) });
  });

  it('names: all found → ok with counts; misspelt site, role and CAB → fail at their config lines with "did you mean"', async () => {
    const sb = await sandbox();
    const ok = await doctorJson(staticEnv(sb));
    expect(ok.find('halo.references')).toMatchObject({ status: 'ok', detail: 'all found (3 sites, 4 roles, 1 CAB, 1 custom field, 1 protected agent)' });

    const file = configVariant('misspelt.yaml', [
      ['site: Harbor Dental - Main Clinic', 'site: Harbor Dental - Main Clinc'],
      ['role: Senior Technician', 'role: Senior Technican'],
      ['cab: Infrastructure CAB', 'cab: Infra CAB'],
      ['to: "custom:CFEmployeeNumber"', 'to: "custom:CFEmployeeNo"'],
    ]);
    const run = await doctorJson(staticEnv(sb), ['-c', file]);
    const refs = run.find('halo.references');
    expect(refs.status).toBe('fail');
    expect(refs.detail).toBe(`4 names in ${file} do not exist in Halo`);
    const items = refs.items?.join('\n') ?? '';
    expect(items).toMatch(/misspelt\.yaml:38:11: error: site "Harbor Dental - Main Clinc" does not exist in Halo \(did you mean "Harbor Dental - Main Clinic"\?\)/);
    expect(items).toMatch(/misspelt\.yaml:\d+:\d+: error: role "Senior Technican" does not exist in Halo \(did you mean "Senior Technician"\?\)/);
    expect(items).toMatch(/CAB "Infra CAB" does not exist in Halo \(did you mean "Infrastructure CAB"\?\)/);
    expect(items).toMatch(/custom field "CFEmployeeNo" does not exist in Halo \(did you mean "CFEmployeeNumber"\?\)/);
  });

  it('names: a protected agent missing from Halo is a warning, not a failure', async () => {
    const sb = await sandbox((seed) => {
      seed.halo = { ...seed.halo, agents: (seed.halo?.agents ?? []).filter((a) => a.email !== 'breakglass@brightwater.example') };
    });
    const run = await doctorJson(staticEnv(sb));
    expect(run.find('halo.references')).toMatchObject({ status: 'warn', items: [expect.stringMatching(/protected agent "breakglass@brightwater\.example" is not a Halo agent/)] });
    expect(run.code).toBe(0);
  });

  it("two writers: Halo's integrator off → ok; on → warn that both would edit the same people, with its last error", async () => {
    const sb = await sandbox();
    expect((await doctorJson(staticEnv(sb))).find('halo.two-writers')).toMatchObject({ status: 'ok', detail: 'switched off: halo-sync is the only writer' });

    const on = await sandbox((seed) => {
      seed.halo = { ...seed.halo, control: { ...seed.halo?.control, halointegrator_googleworkplace: true, halointegrator_googleworkplace_lasterror: 'token expired' } };
    });
    const run = await doctorJson(staticEnv(on));
    const writers = run.find('halo.two-writers');
    expect(writers.status).toBe('warn');
    expect(writers.detail).toBe('switched on (last error "token expired"): it and halo-sync would both edit the same people');
    expect(writers.fix).toMatch(/switch off Halo's Google Workspace sync in the Halo Integrator/);
    expect(run.code).toBe(0); // a warning, not a failure
  });

  it('Sign-In: shows the live Control values next to what signIn asks; an auto-redirect that would be held back warns', async () => {
    const sb = await sandbox((seed) => {
      seed.halo = { ...seed.halo, control: { ...seed.halo?.control, enablegooglesso: true, googlessotype: 3, google_application: '204815162342-brightwaterhalo' } };
    });
    const run = await doctorJson(staticEnv(sb));
    const signIn = run.find('halo.sign-in');
    expect(signIn.status).toBe('ok');
    expect(signIn.detail).toBe('live enablegooglesso=true, googlessotype=3, google_application="204815162342-brightwaterhalo", googlessoautoredirect=false; the next plan changes googlessotype 3 → 1');
    expect(signIn.items?.[0]).toMatch(/googlessotype is read as 1 = agents, 2 = portal, 3 = both/);

    const held = configVariant('redirect.yaml', [['autoRedirect: false', 'autoRedirect: true']]);
    const off = await sandbox();
    const warned = (await doctorJson(staticEnv(off), ['-c', held])).find('halo.sign-in');
    expect(warned.status).toBe('warn');
    expect(warned.items?.join('\n')).toMatch(/signIn\.autoRedirect is held back/);

    const example = readFileSync(EXAMPLE_CONFIG, 'utf8');
    const unmanaged = writeTemp('no-sign-in.yaml', example.slice(0, example.indexOf('\nsignIn:')));
    const left = (await doctorJson(staticEnv(off), ['-c', unmanaged])).find('halo.sign-in');
    expect(left).toMatchObject({ status: 'ok', detail: expect.stringMatching(/^not managed \(no signIn in .*no-sign-in\.yaml\); live enablegooglesso=false, googlessotype=0/) });
  });
});
