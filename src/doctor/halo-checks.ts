/**
 * The Halo half of doctor, in order: URL reachable → token → each read → names exist → two
 * writers → Sign-In settings. A check that cannot run because an earlier one failed is reported
 * as skipped with the reason, so the list of checks is the same on every run.
 */
import type { LoadedConfig } from '../config/types.js';
import { checkHaloToken, checkHaloUrl, type Env, type HaloProbeOptions } from './halo-connect.js';
import { checkHaloReads, skippedReads } from './halo-reads.js';
import { checkReferences, checkSignIn, checkTwoWriters } from './halo-settings.js';
import { skipped, type DoctorCheck } from './types.js';

function skipAll(first: Array<[string, string]>, because: string): DoctorCheck[] {
  return [
    ...first.map(([id, title]) => skipped(id, title, because)),
    ...skippedReads(because),
    skipped('halo.references', 'Halo names in the config exist', because),
    skipped('halo.two-writers', "Halo's own Google Workspace integrator", because),
    skipped('halo.sign-in', 'Halo Google Sign-In settings', because),
  ];
}

export async function runHaloChecks(loaded: LoadedConfig | undefined, env: Env, options: HaloProbeOptions = {}): Promise<DoctorCheck[]> {
  if (!loaded) {
    return skipAll([['halo.url', 'Halo URL reachable'], ['halo.token', 'Halo token']], 'needs a valid config (see Config above)');
  }
  const { config } = loaded;
  const url = await checkHaloUrl(config, env, options);
  if (!url.baseUrl) return [url.check, ...skipAll([['halo.token', 'Halo token']], 'Halo is not reachable (see above)')];

  const token = await checkHaloToken(config, env, url.baseUrl, options);
  if (!token.client) return [url.check, token.check, ...skipAll([], 'no Halo token (see above)')];

  const { checks, reads } = await checkHaloReads(token.client, config.matching.agentIdField);
  return [url.check, token.check, ...checks, checkReferences(loaded, reads), checkTwoWriters(reads.control), checkSignIn(loaded, reads.control)];
}
