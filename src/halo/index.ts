/**
 * The Halo client's public face. Everything else in src/halo is an implementation detail.
 *
 *   const client = createHaloClient({ config, env });          // checks settings; no request yet
 *   const snapshot = await readHaloSnapshot(client, { agentIdField });
 *   const results = await upsertUsers(client, records);        // one result per record, in order
 */
export { createHaloClient, DEFAULT_BATCH_SIZE, DEFAULT_TIMEOUT_MS } from './client.js';
export type { HaloClient, HaloClientOptions, HaloClientStats, Query } from './client.js';
export type { AuthServer } from './auth.js';
export { DEFAULT_RETRY_POLICY, type RetryPolicy } from './backoff.js';
export { HaloSetupError, isHostedHalo, resolveHaloEndpoint, type HaloEndpoint } from './endpoint.js';
export { AMBIGUOUS_WRITE, HaloApiError, isAmbiguousWrite } from './errors.js';
export { findAgentsByGoogleIdOrEmail, findUsersByGoogleIdOrEmail, type LookupOptions, type PersonKey } from './lookup.js';
export { HOSTED_HALO_RATE_LIMIT, parseRateLimitSetting, type RateLimit } from './rate-budget.js';
export { readHaloAgents, readHaloSnapshot, readHaloUsers, USERS_PAGE_SIZE, type ReadSnapshotOptions } from './snapshot.js';
export type { Clock, HaloProgressEvent, ProgressListener, Sleep } from './types.js';
export { updateControl, upsertAgents, upsertCabs, upsertUsers, type HaloWrite, type WriteResult } from './writes.js';
