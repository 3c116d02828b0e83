/**
 * The Directory API client halo-sync reads with: Google's own generated client (so the wire format
 * is Google's), pointed at GOOGLE_API_ROOT when set, with the library's retries OFF and ours on
 * (retry.ts), and every failure turned into an ApiError at one boundary (errors.ts). Read-only:
 * only list/get methods are exposed.
 */
import type { DirectoryUser } from '../model/directory.js';
import { checkCustomer, checkMembersPage, checkUser, checkUsersPage } from './answers.js';
import type { CredentialsDescription, Env } from './credentials.js';
import { directoryApi } from './directory-api.js';
import { toGoogleApiError, type GoogleCall } from './errors.js';
import { DEFAULT_RETRY_POLICY, withRetry, type RetryEvent, type RetryPolicy } from './retry.js';

export interface UsersListParams {
  customer: string;
  query?: string;
  projection?: 'basic' | 'full';
  /** Partial-response mask; must keep `nextPageToken`. */
  fields?: string;
  maxResults?: number;
  pageToken?: string;
}

export interface UsersPage {
  users: DirectoryUser[];
  nextPageToken?: string;
}

/** A direct member of a group as members.list returns it. */
export interface GroupMember {
  id?: string;
  email?: string;
  /** USER | GROUP | CUSTOMER | EXTERNAL */
  type?: string;
  role?: string;
  status?: string;
}

export interface MembersPage {
  members: GroupMember[];
  nextPageToken?: string;
}

export interface DirectoryClient {
  readonly credentials: CredentialsDescription;
  readonly scopes: readonly string[];
  listUsers(params: UsersListParams): Promise<UsersPage>;
  getUser(userKey: string, params?: { projection?: 'basic' | 'full'; fields?: string }): Promise<DirectoryUser>;
  listMembers(groupKey: string, params?: { pageToken?: string; maxResults?: number; fields?: string }): Promise<MembersPage>;
  getCustomer(customerKey: string): Promise<{ id?: string; customerDomain?: string }>;
}

export interface DirectoryClientOptions {
  env: Env;
  /** Called before each wait between retries (the CLI logs it; tests count it). */
  onRetry?: (event: RetryEvent) => void;
  /** Overrides of the retry policy (tests: a tiny base delay and a seeded random). */
  retry?: Partial<RetryPolicy>;
  /** Defaults to DIRECTORY_SCOPES; doctor adds the customer scope. */
  scopes?: readonly string[];
  /** Per-request timeout; a request that hangs longer counts as a network error (retried). */
  timeoutMs?: number;
}

const BASE = '/admin/directory/v1';
/** users.list's own default is 100; 500 is its maximum. members.list: 200. */
export const USERS_PAGE_SIZE = 500;
export const MEMBERS_PAGE_SIZE = 200;

export function createDirectoryClient(options: DirectoryClientOptions): DirectoryClient {
  const { directory, credentials, scopes } = directoryApi(options.env, { scopes: options.scopes, timeoutMs: options.timeoutMs ?? 120_000 });

  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const secrets = [options.env.GOOGLE_ACCESS_TOKEN];

  /** `request` gets the call (with the secrets) so it can check the answer's shape (answers.ts). */
  function run<T>(call: GoogleCall, request: (full: GoogleCall) => Promise<T>): Promise<T> {
    const full: GoogleCall = { ...call, secrets };
    const operation = `${call.method} ${call.path}${call.subject ? ` (${call.subject})` : ''}`;
    return withRetry(operation, () => request(full), (error) => toGoogleApiError(error, full), policy, options.onRetry);
  }

  return {
    credentials,
    scopes,
    listUsers: (params) =>
      run({ method: 'GET', path: `${BASE}/users`, subject: `customer ${params.customer}` }, async (call) => {
        const { data } = await directory.users.list({
          customer: params.customer,
          query: params.query,
          projection: params.projection ?? 'basic',
          viewType: 'admin_view',
          maxResults: params.maxResults ?? USERS_PAGE_SIZE,
          pageToken: params.pageToken,
          fields: params.fields,
        });
        return checkUsersPage(data, call);
      }),
    getUser: (userKey, params = {}) =>
      run({ method: 'GET', path: `${BASE}/users/${userKey}`, subject: `user ${userKey}` }, async (call) => {
        const { data } = await directory.users.get({
          userKey,
          projection: params.projection ?? 'basic',
          viewType: 'admin_view',
          fields: params.fields,
        });
        return checkUser(data, call);
      }),
    listMembers: (groupKey, params = {}) =>
      run({ method: 'GET', path: `${BASE}/groups/${groupKey}/members`, subject: `group ${groupKey}` }, async (call) => {
        const { data } = await directory.members.list({
          groupKey,
          maxResults: params.maxResults ?? MEMBERS_PAGE_SIZE,
          pageToken: params.pageToken,
          fields: params.fields,
        });
        return checkMembersPage(data, call);
      }),
    getCustomer: (customerKey) =>
      run({ method: 'GET', path: `${BASE}/customers/${customerKey}`, subject: `customer ${customerKey}` }, async (call) => {
        const data = checkCustomer((await directory.customers.get({ customerKey })).data, call);
        return { id: typeof data.id === 'string' ? data.id : undefined, customerDomain: typeof data.customerDomain === 'string' ? data.customerDomain : undefined };
      }),
  };
}
