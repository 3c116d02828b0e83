/**
 * doctor's Google identity checks, passing and failing, over the sandbox with a real
 * service-account key (signed here, exchanged at the sandbox's /token): credentials and their kind,
 * the token exchange and each OAuth error's fix (unauthorized_client with the exact scopes, App
 * Blocked, invalid_grant), and the admin subject (not set, not an admin).
 */
import { describe, expect, it } from 'vitest';
import { DIRECTORY_SCOPES } from '../../src/google/index.js';
import { CLIENT_EMAIL, CLIENT_ID, closedPort, doctorJson, sandbox, serviceAccountEnv, staticEnv, SUBJECT, TMP, writeTemp } from './helpers.js';

const SCOPE_LIST = DIRECTORY_SCOPES.join(',');

describe('doctor: Google credentials, token exchange and subject', () => {
  it('credentials: a service account shows its client_email and numeric client id; a static token is skipped', async () => {
    const sb = await sandbox();
    const sa = await doctorJson(serviceAccountEnv(sb));
    expect(sa.find('google.credentials')).toMatchObject({
      status: 'ok',
      detail: expect.stringMatching(new RegExp(`^service account ${CLIENT_EMAIL} \\(client id ${CLIENT_ID}, project brightwater-sync\\) from ${TMP}/sa\\.json$`)),
    });
    const token = await doctorJson(staticEnv(sb));
    expect(token.find('google.credentials')).toMatchObject({ status: 'skip', detail: expect.stringMatching(/^static token from GOOGLE_ACCESS_TOKEN \(sandbox\)/) });
  });

  it('credentials: an unreadable key file fails naming the file; the exchange is skipped', async () => {
    const sb = await sandbox();
    const run = await doctorJson(serviceAccountEnv(sb, { GOOGLE_APPLICATION_CREDENTIALS: `${TMP}/missing-key.json` }));
    expect(run.code).toBe(1);
    expect(run.find('google.credentials')).toMatchObject({ status: 'fail', detail: expect.stringMatching(/cannot read .*missing-key\.json \(ENOENT\)/) });
    expect(run.find('google.token')).toMatchObject({ status: 'skip', detail: 'no usable Google credentials (see above)' });
    expect(run.find('google.reads').status).toBe('skip');
  });

  it('credentials: an external account (Workload Identity Federation) warns that GOOGLE_ADMIN_SUBJECT is ignored', async () => {
    const sb = await sandbox();
    const wif = writeTemp('wif.json', JSON.stringify({
      type: 'external_account',
      audience: '//iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/p/providers/gh',
      subject_token_type: 'urn:ietf:params:oauth:token-type:jwt',
      token_url: `${sb.google.url}/sts`,
      credential_source: { file: `${TMP}/no-oidc-token` },
    }));
    const run = await doctorJson(serviceAccountEnv(sb, { GOOGLE_APPLICATION_CREDENTIALS: wif }));
    const credentials = run.find('google.credentials');
    expect(credentials.status).toBe('warn');
    expect(credentials.detail).toMatch(/^external account \(Workload Identity Federation\) from .*wif\.json: no domain-wide delegation subject/);
    expect(credentials.items?.[0]).toMatch(/GOOGLE_ADMIN_SUBJECT is ignored/);
    expect(run.find('google.token')).toMatchObject({ status: 'fail', fix: expect.stringMatching(/check the credential file .*wif\.json \(for Workload Identity Federation/) });
  });

  it('token exchange: ok for the three read-only scopes acting as the subject; skipped with a static token', async () => {
    const sb = await sandbox();
    const sa = await doctorJson(serviceAccountEnv(sb));
    expect(sa.find('google.token')).toMatchObject({ status: 'ok', detail: `token issued for 3 read-only scopes, acting as ${SUBJECT}` });
    expect(sb.google.stats().byEndpoint['POST /token']).toBeGreaterThanOrEqual(1);
    expect((await doctorJson(staticEnv(sb))).find('google.token').status).toBe('skip');
  });

  it('token exchange: unauthorized_client → the client id and the exact comma-separated scopes for domain-wide delegation, and the 24 h delay', async () => {
    const sb = await sandbox((seed) => {
      seed.simulate = { googleTokenError: 'unauthorized_client' };
    });
    const run = await doctorJson(serviceAccountEnv(sb));
    const token = run.find('google.token');
    expect(token.status).toBe('fail');
    expect(token.detail).toMatch(/^unauthorized_client: /);
    const fix = token.fix?.split('\n') ?? [];
    expect(fix[0]).toBe(`Admin console › Security › Access and data control › API controls › Manage Domain Wide Delegation: add (or edit) client id ${CLIENT_ID} with exactly these scopes (one missing scope refuses them all):`);
    expect(fix[1]).toBe(SCOPE_LIST);
    expect(fix[2]).toMatch(/up to 24 hours/);
    expect(run.find('google.subject')).toMatchObject({ status: 'skip', detail: `GOOGLE_ADMIN_SUBJECT ${SUBJECT} is set; admin rights not checked: no Google token (see above)` });
  });

  it('token exchange: a delegation missing one scope is refused as a whole (unauthorized_client), as Google does', async () => {
    const sb = await sandbox((seed) => {
      seed.simulate = { googleDelegatedScopes: DIRECTORY_SCOPES.slice(0, 2) };
    });
    const run = await doctorJson(serviceAccountEnv(sb));
    expect(run.find('google.token')).toMatchObject({ status: 'fail', fix: expect.stringContaining(SCOPE_LIST) });
  });

  it('token exchange: admin_policy_enforced ("App Blocked") → allow the client id under third-party app access, with the ".apps." tip', async () => {
    const sb = await sandbox((seed) => {
      seed.simulate = { googleTokenError: 'admin_policy_enforced' };
    });
    const token = (await doctorJson(serviceAccountEnv(sb))).find('google.token');
    expect(token.status).toBe('fail');
    expect(token.detail).toMatch(/^admin_policy_enforced \("App Blocked"\)/);
    expect(token.fix).toContain(`Manage Third-Party App Access › Add app › OAuth App Name Or Client ID: search for ${CLIENT_ID}`);
    expect(token.fix).toContain('Trusted');
    expect(token.fix).toMatch(/if the search finds nothing, remove the "\.apps\." part of the id/);
  });

  it('token exchange: access_denied is the same App Blocked fix', async () => {
    const sb = await sandbox((seed) => {
      seed.simulate = { googleTokenError: 'access_denied' };
    });
    const token = (await doctorJson(serviceAccountEnv(sb))).find('google.token');
    expect(token).toMatchObject({ status: 'fail', detail: expect.stringMatching(/^access_denied \("App Blocked"\)/), fix: expect.stringContaining('Manage Third-Party App Access') });
  });

  it('token exchange: invalid_grant → the clock, the key, the subject', async () => {
    const sb = await sandbox((seed) => {
      seed.simulate = { googleTokenError: 'invalid_grant' };
    });
    const token = (await doctorJson(serviceAccountEnv(sb))).find('google.token');
    expect(token.status).toBe('fail');
    expect(token.detail).toMatch(/^invalid_grant: Google refused the signed token request \(.*account not found/);
    expect(token.fix).toMatch(/clock.*time sync/);
    expect(token.fix).toMatch(/sa\.json still exists \(.*Keys/);
    expect(token.fix).toContain(`GOOGLE_ADMIN_SUBJECT (${SUBJECT}) is an existing user`);
  });

  it('token exchange: a token endpoint that does not answer → the network fix', async () => {
    const sb = await sandbox();
    const port = await closedPort();
    const token = (await doctorJson(serviceAccountEnv(sb, { GOOGLE_OAUTH_TOKEN_URL: `http://127.0.0.1:${port}/token` }))).find('google.token');
    expect(token).toMatchObject({ status: 'fail', detail: expect.stringMatching(/^no answer from Google's token endpoint \(.*ECONNREFUSED/), fix: expect.stringMatching(/HTTPS_PROXY/) });
  });

  it('subject: set and an admin → ok; not set → fail, and the exchange is skipped for it', async () => {
    const sb = await sandbox();
    const ok = await doctorJson(serviceAccountEnv(sb));
    expect(ok.find('google.subject')).toMatchObject({ status: 'ok', detail: `GOOGLE_ADMIN_SUBJECT ${SUBJECT} can read the users of its own directory` });

    const unset = await doctorJson(serviceAccountEnv(sb, { GOOGLE_ADMIN_SUBJECT: undefined }));
    expect(unset.code).toBe(1);
    expect(unset.find('google.credentials').status).toBe('ok');
    expect(unset.find('google.token')).toMatchObject({ status: 'skip', detail: 'needs GOOGLE_ADMIN_SUBJECT (see below)' });
    expect(unset.find('google.subject')).toMatchObject({ status: 'fail', detail: 'GOOGLE_ADMIN_SUBJECT is not set', fix: expect.stringMatching(/email of a Workspace admin/) });
  });

  it('subject: not an admin (403 forbidden with a valid token) → fail naming the subject and the privileges; the reads are skipped', async () => {
    const sb = await sandbox((seed) => {
      seed.simulate = { googleSubjectNotAdmin: true };
    });
    const run = await doctorJson(serviceAccountEnv(sb));
    expect(run.find('google.token').status).toBe('ok');
    const subject = run.find('google.subject');
    expect(subject.status).toBe('fail');
    expect(subject.detail).toBe(`GOOGLE_ADMIN_SUBJECT ${SUBJECT} is not an admin (or lacks the Users read privilege): Google answered 403 forbidden`);
    expect(subject.fix).toMatch(/Users › Read and Groups › Read/);
    expect(run.find('google.reads')).toMatchObject({ status: 'skip', detail: 'the admin subject is not an admin (see above)' });
  });

  it('subject: with a static token the check is skipped, and a non-admin token shows on the reads instead', async () => {
    const sb = await sandbox((seed) => {
      seed.simulate = { googleSubjectNotAdmin: true };
    });
    const run = await doctorJson(staticEnv(sb));
    expect(run.find('google.subject').status).toBe('skip');
    const own = run.find('google.users:my_customer');
    expect(own.status).toBe('fail');
    expect(own.fix).toMatch(/^the account GOOGLE_ACCESS_TOKEN was issued to must be a Workspace admin/);
  });
});
