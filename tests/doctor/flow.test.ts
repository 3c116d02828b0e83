/**
 * doctor end to end through the CLI over the sandbox: a healthy sandbox passes (exit 0), a broken
 * one fails (exit 1) with the fix lines, the config check both ways, independent checks keep running
 * when others fail, the JSON document, and no secret in any output.
 */
import { describe, expect, it } from 'vitest';
import { SANDBOX_GOOGLE_ACCESS_TOKEN } from '../../src/sandbox/index.js';
import {
  closedPort, configVariant, doctorJson, HALO_SECRET, PRIVATE_KEY_FRAGMENT, runDoctorCli, sandbox, serviceAccountEnv, staticEnv, writeTemp,
} from './helpers.js';

const LINE = /^(ok {4}|warn {2}|FAIL {2}|skip {2})\S/;

describe('doctor over the sandbox', () => {
  it('a healthy sandbox (examples/sandbox-seed.yaml + halo-sync.yaml) passes with exit 0; the static-token checks are skipped, not failed', async () => {
    const sb = await sandbox();
    const run = await runDoctorCli(staticEnv(sb));
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const lines = run.stdout.split('\n');
    const checkLines = lines.filter((l) => LINE.test(l));
    expect(checkLines.length).toBeGreaterThanOrEqual(20);
    expect(checkLines.filter((l) => l.startsWith('FAIL'))).toEqual([]);
    expect(checkLines.filter((l) => l.startsWith('skip')).map((l) => l.slice(6, l.indexOf(':')))).toEqual(['Google credentials', 'Google token exchange', 'Google admin subject']);
    expect(run.stdout).toMatch(/skip {2}Google token exchange: static token from GOOGLE_ACCESS_TOKEN \(sandbox\)/);
    expect(run.stdout).toMatch(/^doctor: \d+ ok, 0 warnings, 0 failed, 3 skipped: ready: run `halo-sync plan`$/m);
  });

  it('a broken sandbox fails with exit 1, each failure followed by its fix, and keeps checking the other service', async () => {
    const sb = await sandbox((seed) => {
      seed.simulate = { googleTokenError: 'unauthorized_client' };
    });
    const run = await runDoctorCli(serviceAccountEnv(sb, { HALO_CLIENT_SECRET: 'not-the-secret-0000' }));
    expect(run.code).toBe(1);
    const lines = run.stdout.split('\n');
    const haloToken = lines.findIndex((l) => l.startsWith('FAIL  Halo token: Halo rejected HALO_CLIENT_ID/HALO_CLIENT_SECRET'));
    expect(haloToken).toBeGreaterThan(0);
    expect(lines[haloToken + 1]).toMatch(/^ {6}fix: use the client id and secret of a Halo API application/);
    const google = lines.findIndex((l) => l.startsWith('FAIL  Google token exchange: unauthorized_client'));
    expect(google).toBeGreaterThan(haloToken);
    expect(lines[google + 1]).toMatch(/^ {6}fix: .*Manage Domain Wide Delegation: add \(or edit\) client id 104857600000000000042/);
    // Halo's failure stops only the Halo reads; the Google credential check still ran.
    expect(run.stdout).toMatch(/skip {2}Halo reads agents \(GET \/api\/Agent\): no Halo token/);
    expect(run.stdout).toMatch(/ok {4}Google credentials: service account/);
    expect(run.stdout).toMatch(/^doctor: .*2 failed.*: fix the failures above/m);
  });

  it('config: valid → ok; invalid → fail with every diagnostic, Halo checks skipped, Google credential checks still run', async () => {
    const sb = await sandbox();
    const good = await doctorJson(serviceAccountEnv(sb));
    expect(good.find('config')).toMatchObject({ status: 'ok', detail: 'halo-sync.yaml: valid' });

    const bad = configVariant('invalid.yaml', [['maxDeactivations: 5', 'maxDeactivations: -1'], ['directory: customers', 'directory: customers\n  colour: blue']]);
    const run = await doctorJson(serviceAccountEnv(sb), ['-c', bad]);
    expect(run.code).toBe(1);
    const config = run.find('config');
    expect(config.status).toBe('fail');
    expect(config.detail).toMatch(/2 errors/);
    expect(config.items?.join('\n')).toMatch(/invalid\.yaml:\d+:\d+: error: .*colour/);
    expect(config.items?.join('\n')).toMatch(/invalid\.yaml:\d+:\d+: error: .*maxDeactivations|invalid\.yaml:\d+:\d+: error: .*-1/);
    expect(config.fix).toContain('halo-sync validate');
    expect(run.find('halo.url')).toMatchObject({ status: 'skip', detail: expect.stringMatching(/valid config/) });
    expect(run.find('halo.token').status).toBe('skip');
    expect(run.find('google.credentials').status).toBe('ok');
    expect(run.find('google.token').status).toBe('ok');
    expect(run.find('google.subject').status).toBe('ok');
    expect(run.find('google.reads')).toMatchObject({ status: 'skip', detail: expect.stringMatching(/valid config/) });
  });

  it('config warnings make the config check warn, not fail (exit 0)', async () => {
    const sb = await sandbox();
    const warned = configVariant('warned.yaml', [['url: https://brightwater.halopsa.com', 'url: http://brightwater.halopsa.com']]);
    const run = await doctorJson(staticEnv(sb), ['-c', warned]);
    expect(run.find('config').status).toBe('warn');
    expect(run.find('config').items?.[0]).toMatch(/warned\.yaml:\d+:\d+: warning:/);
    expect(run.code).toBe(0);
  });

  it('a missing config file fails the config check and names the path', async () => {
    const sb = await sandbox();
    const run = await doctorJson(staticEnv(sb), ['-c', 'no-such-dir/halo-sync.yaml']);
    expect(run.code).toBe(1);
    expect(run.find('config').items?.join('\n')).toMatch(/config file not found: no-such-dir\/halo-sync\.yaml/);
  });

  it('--format json: stdout is one document { ok, summary, checks } in check order, with ids and statuses', async () => {
    const sb = await sandbox();
    const run = await runDoctorCli(staticEnv(sb), ['--format', 'json']);
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout) as { ok: boolean; summary: Record<string, number>; checks: Array<{ id: string; status: string }> };
    expect(Object.keys(doc)).toEqual(['ok', 'summary', 'checks']);
    expect(doc.ok).toBe(true);
    const ids = doc.checks.map((c) => c.id);
    expect(ids.slice(0, 3)).toEqual(['config', 'halo.url', 'halo.token']);
    expect(ids.indexOf('halo.sign-in')).toBeLessThan(ids.indexOf('google.credentials'));
    expect(ids).toContain('google.users:C03hrbr01');
    expect(ids.at(-1)).toBe('google.groups-exist');
    expect(doc.summary).toEqual({ ok: doc.checks.filter((c) => c.status === 'ok').length, warn: 0, fail: 0, skip: 3 });

    const broken = await sandbox((seed) => {
      seed.simulate = { haloForbiddenPaths: ['/api/Roles'] };
    });
    const failed = await doctorJson(staticEnv(broken));
    expect(failed.code).toBe(1);
    expect(failed.report.ok).toBe(false);
    expect(failed.find('halo.read.roles')).toMatchObject({ status: 'fail', fix: expect.stringContaining('"admin"') });
  });

  it('never prints a secret: Halo client secret, Google static token, minted tokens, private key', async () => {
    const port = await closedPort();
    const sb = await sandbox((seed) => {
      seed.simulate = { googleSubjectNotAdmin: true };
    });
    const runs = [
      await runDoctorCli(staticEnv(sb)),
      await runDoctorCli(staticEnv(sb, { HALO_CLIENT_SECRET: `${HALO_SECRET}-wrong` }), ['--format', 'json']),
      await runDoctorCli(serviceAccountEnv(sb)),
      await runDoctorCli(serviceAccountEnv(sb, { HALO_URL: `http://127.0.0.1:${port}` }), ['--format', 'json']),
      await runDoctorCli(serviceAccountEnv(sb), ['-c', writeTemp('secret.yaml', `version: 1\nhalo: { url: ${sb.env.HALO_URL} }\nclient_secret: ${HALO_SECRET}\n`)]),
    ];
    for (const run of runs) {
      const all = run.stdout + run.stderr;
      expect(all).not.toContain(HALO_SECRET);
      expect(all).not.toContain(SANDBOX_GOOGLE_ACCESS_TOKEN);
      expect(all).not.toContain(PRIVATE_KEY_FRAGMENT);
      expect(all).not.toMatch(/ya29\.sandbox-/);
    }
    // The service-account runs did get tokens and reach the not-admin answer: the check above is not vacuous.
    expect(runs[2]?.stdout).toMatch(/FAIL {2}Google admin subject: GOOGLE_ADMIN_SUBJECT \S+ is not an admin/);
  });
});
