/**
 * Builders for Google sandbox tests: directories made in code (no big fixtures), the UNMODIFIED
 * @googleapis/admin client pointed at a sandbox, and a reader for Google's error envelope.
 */
import { admin, auth } from '@googleapis/admin';
import type { DirectoryUser } from '../../../src/model/directory.js';
import { startGoogleSandbox } from '../../../src/sandbox/google/index.js';
import type { GoogleSandboxOptions } from '../../../src/sandbox/google/index.js';
import type { SeedCustomer } from '../../../src/sandbox/seed-types.js';
import type { RunningServer } from '../../../src/sandbox/server-types.js';

export const TOKEN = 'sandbox-google-static-token';

export function person(id: string, primaryEmail: string, given: string, family: string, extra: Partial<DirectoryUser> = {}): DirectoryUser {
  return { id, primaryEmail, name: { givenName: given, familyName: family }, orgUnitPath: '/', ...extra };
}

/** `count` users `user00000@domain` … with ids `9000000…`, in shuffled order so sorting is exercised. */
export function manyUsers(count: number, domain = 'bulk.example'): DirectoryUser[] {
  const users = Array.from({ length: count }, (_, i) =>
    person(String(9_000_000 + i), `user${String(i).padStart(5, '0')}@${domain}`, `Given${i}`, `Family${i % 97}`),
  );
  // A fixed permutation (stride coprime with most counts) keeps the test deterministic.
  return users.map((_, i) => users[(i * 7919) % count] as DirectoryUser);
}

export function customer(id: string, domain: string, users: DirectoryUser[], groups: SeedCustomer['groups'] = []): SeedCustomer {
  return { id, domain, users, groups };
}

export async function startWith(
  customers: GoogleSandboxOptions['customers'],
  extra: Partial<GoogleSandboxOptions> = {},
): Promise<RunningServer> {
  return startGoogleSandbox({ customers, accessToken: TOKEN, ...extra });
}

/** The generated client exactly as halo-sync would build it; `retry: false` only where a test wants one hit per call. */
export function directory(server: RunningServer, options: { token?: string; retry?: boolean } = {}) {
  const client = new auth.OAuth2();
  client.setCredentials({ access_token: options.token ?? TOKEN });
  return admin({ version: 'directory_v1', rootUrl: `${server.url}/`, auth: client, retry: options.retry ?? false });
}

export interface GoogleErrorSeen {
  status: number;
  reason: string | undefined;
  message: string;
  body: { error: { code: number; message: string; errors: Array<Record<string, unknown>>; status?: string } };
}

/** Awaits a call that must fail and returns what the client surfaced (GaxiosError). */
export async function failureOf(call: Promise<unknown>): Promise<GoogleErrorSeen> {
  try {
    await call;
  } catch (error) {
    const e = error as { status?: number; response?: { status: number; data: GoogleErrorSeen['body'] }; message: string };
    if (!e.response) throw error;
    return {
      status: e.response.status,
      reason: e.response.data.error?.errors?.[0]?.reason as string | undefined,
      message: e.message,
      body: e.response.data,
    };
  }
  throw new Error('expected the call to fail');
}

export function emails(users: Array<{ primaryEmail?: string | null }> | undefined): string[] {
  return (users ?? []).map((u) => u.primaryEmail ?? '');
}
