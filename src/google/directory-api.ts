/**
 * The Directory API client of the unmodified Google library, as every halo-sync reader builds it:
 * credentials from the environment, the library's own retries off (ours are in retry.ts and know
 * Google's reasons), and compact JSON.
 */
import { admin, type admin_directory_v1 } from '@googleapis/admin';
import { createGoogleAuth, type DirectoryAuth } from './auth.js';
import type { CredentialsDescription, Env } from './credentials.js';

export interface DirectoryApi {
  directory: admin_directory_v1.Admin;
  auth: DirectoryAuth;
  credentials: CredentialsDescription;
  scopes: readonly string[];
}

export function directoryApi(env: Env, options: { scopes?: readonly string[] | undefined; timeoutMs: number }): DirectoryApi {
  const { auth, credentials, scopes } = createGoogleAuth(env, { scopes: options.scopes });
  const directory: admin_directory_v1.Admin = admin({
    version: 'directory_v1',
    rootUrl: credentials.apiRoot,
    auth,
    retry: false,
    timeout: options.timeoutMs,
    // Google pretty-prints JSON unless told not to: compact answers are smaller to send and parse.
    params: { prettyPrint: false },
  });
  return { directory, auth, credentials, scopes };
}
