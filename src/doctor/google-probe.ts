/**
 * The Google calls doctor makes, each as small as Google allows (one record a page). Built from the
 * reader's own pieces (createGoogleAuth, toGoogleApiError, withRetry) with Google's generated
 * client, plus what the reader does not need: the token exchange on its own (so its OAuth error
 * is reported as such, not as a failed read) and groups.list (a customer's groups are readable).
 */
import type { ApiError } from '../diagnostics/errors.js';
import { DEFAULT_RETRY_POLICY, directoryApi, toGoogleApiError, withRetry, type CredentialsDescription, type Env, type RetryPolicy } from '../google/index.js';

export interface GoogleProbe {
  readonly credentials: CredentialsDescription;
  readonly scopes: readonly string[];
  /** Obtains an access token (the delegated JWT exchange for a service account). */
  exchange(): Promise<void>;
  /** users.list, one user: proves the users read for `customer`. */
  listUsers(customer: string): Promise<void>;
  /** groups.list, one group: proves the groups read for `customer`. */
  listGroups(customer: string): Promise<void>;
  /** members.list, one member: the group exists and its members can be read. */
  listMembers(groupKey: string): Promise<void>;
  getCustomer(customerKey: string): Promise<{ id?: string; domain?: string }>;
}

export interface GoogleProbeOptions {
  scopes: readonly string[];
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
}

const BASE = '/admin/directory/v1';

/** Throws GoogleCredentialsError (every problem named) when the environment cannot authenticate. */
export function createGoogleProbe(env: Env, options: GoogleProbeOptions): GoogleProbe {
  const { directory, auth, credentials, scopes } = directoryApi(env, { scopes: options.scopes, timeoutMs: options.timeoutMs ?? 30_000 });

  // A diagnosis, not a sync: one quick retry for a blip, then report.
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, maxRetries: 1, baseDelayMs: 500, maxTotalDelayMs: 5_000, ...options.retry };
  const secrets = [env.GOOGLE_ACCESS_TOKEN];

  function run<T>(method: string, path: string, subject: string | undefined, call: () => Promise<T>): Promise<T> {
    const toError = (raw: unknown): ApiError => toGoogleApiError(raw, { method, path, secrets, ...(subject ? { subject } : {}) });
    return withRetry(`${method} ${path}`, call, toError, policy);
  }

  return {
    credentials,
    scopes,
    exchange: () =>
      run('POST', '/token', undefined, async () => {
        await auth.getAccessToken();
      }),
    listUsers: (customer) =>
      run('GET', `${BASE}/users`, `customer ${customer}`, async () => {
        await directory.users.list({ customer, maxResults: 1, projection: 'basic', viewType: 'admin_view', fields: 'nextPageToken,users(id)' });
      }),
    listGroups: (customer) =>
      run('GET', `${BASE}/groups`, `customer ${customer}`, async () => {
        await directory.groups.list({ customer, maxResults: 1 });
      }),
    listMembers: (groupKey) =>
      run('GET', `${BASE}/groups/${groupKey}/members`, `group ${groupKey}`, async () => {
        await directory.members.list({ groupKey, maxResults: 1 });
      }),
    getCustomer: (customerKey) =>
      run('GET', `${BASE}/customers/${customerKey}`, `customer ${customerKey}`, async () => {
        const { data } = await directory.customers.get({ customerKey });
        return { ...(data.id ? { id: data.id } : {}), ...(data.customerDomain ? { domain: data.customerDomain } : {}) };
      }),
  };
}
