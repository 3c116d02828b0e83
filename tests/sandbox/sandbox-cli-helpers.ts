/** Helpers for the `halo-sync sandbox` tests: reading the export lines and using both servers. */

/** The sandbox's own parser of its export lines (strict: anything else is refused). */
export { parseEnvExports as parseExports } from '../../src/sandbox/index.js';

/** Uses the exported Halo settings the way halo-sync's client would; returns the number of Halo users. */
export async function probeHalo(env: Record<string, string>): Promise<number> {
  const token = await fetch(`${env.HALO_URL}/auth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: env.HALO_CLIENT_ID ?? '', client_secret: env.HALO_CLIENT_SECRET ?? '', scope: 'all' }),
  });
  if (token.status !== 200) throw new Error(`Halo token: ${token.status}`);
  const { access_token: accessToken } = (await token.json()) as { access_token: string };
  const users = await fetch(`${env.HALO_URL}/api/Users?includeinactive=true`, { headers: { Authorization: `Bearer ${accessToken}` } });
  return ((await users.json()) as { record_count: number }).record_count;
}

/** Lists your own directory with the exported Google settings; returns the number of users. */
export async function probeGoogle(env: Record<string, string>): Promise<number> {
  const root = (env.GOOGLE_API_ROOT ?? '').replace(/\/?$/, '/');
  const google = await fetch(`${root}admin/directory/v1/users?customer=my_customer&maxResults=500`, { headers: { Authorization: `Bearer ${env.GOOGLE_ACCESS_TOKEN}` } });
  if (google.status !== 200) throw new Error(`Google users.list: ${google.status} ${await google.text()}`);
  const googleBody = (await google.json()) as { users?: unknown[] };
  return googleBody.users?.length ?? 0;
}

export { freePort } from '../helpers/ports.js';
