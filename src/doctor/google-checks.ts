/**
 * The Google half of doctor, in order: credentials → token exchange → admin subject → customer
 * ids → users and groups reads per customer → groups named in the config. It runs even when the
 * config is invalid (who we are does not depend on it); checks that cannot run are skipped with
 * the reason.
 */
import type { LoadedConfig } from '../config/types.js';
import { describeCredentials, DIRECTORY_SCOPES, directoryScopes, mappingCustomer, type Env, type RetryPolicy } from '../google/index.js';
import { checkCredentials, checkSubject, checkTokenExchange, credentialProblems, STATIC_SKIP, TOKEN_TITLE } from './google-auth-checks.js';
import { createGoogleProbe, type GoogleProbe } from './google-probe.js';
import { checkCustomerLookup, checkCustomerReads, checkGroupsExist, GROUPS_TITLE, LOOKUP_TITLE } from './google-read-checks.js';
import { skipped, type DoctorCheck } from './types.js';

export interface GoogleCheckOptions {
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
}

/** The customers the config reads, in config order, each once. */
function configCustomers(loaded: LoadedConfig): string[] {
  const { config } = loaded;
  return [...new Set(config.mappings.map((m) => mappingCustomer(config, m)))];
}

function skipReads(because: string): DoctorCheck[] {
  return [
    skipped('google.customers', LOOKUP_TITLE, because),
    skipped('google.reads', 'Google users and groups reads', because),
    skipped('google.groups-exist', GROUPS_TITLE, because),
  ];
}

export async function runGoogleChecks(loaded: LoadedConfig | undefined, env: Env, options: GoogleCheckOptions = {}): Promise<DoctorCheck[]> {
  const credentials = describeCredentials(env);
  const probeOptions = { ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}), ...(options.retry ? { retry: options.retry } : {}) };
  let probe: GoogleProbe | undefined;
  try {
    probe = createGoogleProbe(env, { scopes: DIRECTORY_SCOPES, ...probeOptions });
  } catch {
    // Every problem is already in `credentials` and reported by the credentials / subject checks.
  }
  const checks: DoctorCheck[] = [checkCredentials(credentials)];
  const exchange = probe
    ? await checkTokenExchange(probe)
    : {
        ok: false,
        check: skipped('google.token', TOKEN_TITLE, credentials.kind === 'static-token' ? STATIC_SKIP : credentialProblems(credentials).length > 0 ? 'no usable Google credentials (see above)' : 'needs GOOGLE_ADMIN_SUBJECT (see below)'),
      };
  checks.push(exchange.check);
  const subject = await checkSubject(probe, credentials, exchange.ok);
  checks.push(subject.check);

  if (!probe || !exchange.ok) return [...checks, ...skipReads('no Google token (see above)')];
  if (!subject.admin) return [...checks, ...skipReads('the admin subject is not an admin (see above)')];
  if (!loaded) return [...checks, ...skipReads('needs a valid config (see Config above)')];

  const customers = configCustomers(loaded);
  let lookupProbe: GoogleProbe = probe;
  if (credentials.kind !== 'static-token') lookupProbe = createGoogleProbe(env, { scopes: directoryScopes({ checkCustomers: true }), ...probeOptions });
  const lookup = await checkCustomerLookup(customers, lookupProbe);
  checks.push(lookup.check);
  checks.push(...(await checkCustomerReads(customers, probe, lookup.domains)));
  checks.push(await checkGroupsExist(loaded, probe));
  return checks;
}
