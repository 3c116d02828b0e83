/**
 * `explain` as a use case: read both sides exactly as `plan` does, make sure the person is in the
 * directory snapshot (a direct users.get when no read returned them: they may sit outside every
 * mapping's filter, or Google's search index may lag), then let the planner explain them — the same
 * code that builds the plan, so the explanation cannot disagree with it.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { ApiError } from '../diagnostics/errors.js';
import { planReads } from '../google/index.js';
import { findUser } from '../plan/explain.js';
import { explainPerson, type Explanation } from '../plan/index.js';
import { createClients, type Clients } from './clients.js';
import type { ProgressReporter } from './progress.js';
import { readSnapshots } from './read-snapshots.js';
import { loadConfig } from './run-plan.js';

export interface ExplainRequest {
  email: string;
  configFile: string;
  cwd: string;
  env: Record<string, string | undefined>;
  progress: ProgressReporter;
  clients?: Clients;
}

export interface ExplainResult {
  explanation: Explanation;
  configWarnings: Diagnostic[];
  /** False when neither Google nor Halo knows the address. */
  found: boolean;
}

export async function runExplain(request: ExplainRequest): Promise<ExplainResult> {
  const { loaded, warnings } = await loadConfig(request.configFile, request.cwd);
  const clients = request.clients ?? createClients(loaded.config, request.env, request.progress);
  const { directory, halo } = await readSnapshots(loaded, clients, request.progress);
  // The same lookup the explanation makes, so a person it would find costs no users.get.
  if (!findUser(directory, request.email)) {
    try {
      const user = await clients.google.getUser(request.email.trim(), planReads(loaded.config).lookup);
      directory.lookups = [...directory.lookups, { googleId: user.id, status: 'found', user }];
    } catch (error) {
      // 404: Google has nobody with that address; the explanation says so. Anything else is real.
      if (!(error instanceof ApiError && error.status === 404)) throw error;
    }
  }
  const explanation = explainPerson(loaded, directory, halo, request.email);
  return { explanation, configWarnings: warnings, found: explanation.person !== null || explanation.haloRecords.length > 0 };
}
