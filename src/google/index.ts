/** halo-sync's Google Directory reader: auth, filter pushdown, paging, group expansion. Read-only. */
export { createGoogleAuth, GoogleCredentialsError, tokenUrlTransporter, type DirectoryAuth, type GoogleAuthSetup } from './auth.js';
export { apiRoot, describeCredentials, GOOGLE_API_ROOT_DEFAULT, type CredentialKind, type CredentialsDescription, type Env } from './credentials.js';
export {
  createDirectoryClient, MEMBERS_PAGE_SIZE, USERS_PAGE_SIZE,
  type DirectoryClient, type DirectoryClientOptions, type GroupMember, type MembersPage, type UsersListParams, type UsersPage,
} from './client.js';
export { directoryApi, type DirectoryApi } from './directory-api.js';
export { OAUTH_ERROR_CODES, RATE_LIMIT_REASONS, toGoogleApiError } from './errors.js';
export { expandGroups } from './groups.js';
export { lookupUsers, type LookupOptions } from './lookup.js';
export { describeProgress, type ProgressCallback, type ReadProgress } from './progress.js';
export { BASE_USER_FIELDS, mappingCustomer, planReads, type PlannedUserRead, type ReadPlan } from './read-plan.js';
export { readDirectory, type ReadDirectoryOptions } from './reader.js';
export { backoffDelay, DEFAULT_RETRY_POLICY, withRetry, type RetryEvent, type RetryPolicy } from './retry.js';
export { CUSTOMER_READ_SCOPE, DIRECTORY_SCOPES, directoryScopes } from './scopes.js';
export { selectMappingUsers } from './select.js';
export { pushdownFilter, quoteQueryValue, type Pushdown } from '../filter/pushdown.js';
