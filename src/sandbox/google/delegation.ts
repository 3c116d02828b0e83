/**
 * `simulate.googleDelegatedScopes`: the scopes granted to the service account's client id on the
 * Admin console's domain-wide delegation page. Google grants a delegated token only when EVERY
 * requested scope is in that list; otherwise the whole exchange fails with unauthorized_client
 * (google-directory.md §7). Absent: every scope is granted, as before.
 */
import type { SeedSimulate } from '../seed-types.js';
import type { TokenReply } from './token-endpoint.js';

export function delegationRefusal(simulate: SeedSimulate, requestedScopes: string): TokenReply | undefined {
  const granted = simulate.googleDelegatedScopes;
  if (granted === undefined) return undefined;
  const missing = requestedScopes.split(' ').filter((s) => s !== '' && !granted.includes(s));
  if (missing.length === 0) return undefined;
  return {
    status: 401,
    body: {
      error: 'unauthorized_client',
      error_description: 'Client is unauthorized to retrieve access tokens using this method, or client not authorized for any of the scopes requested.',
    },
  };
}
