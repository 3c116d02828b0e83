/**
 * `plan` as a use case: load the config, read both sides, build the plan (pure), hand it back with
 * everything apply and explain need. Rendering and exit codes are the shells' job.
 */
import { loadConfigOrThrow } from '../config/load.js';
import type { LoadedConfig } from '../config/types.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { ConfigError } from '../diagnostics/errors.js';
import { buildPlan } from '../plan/index.js';
import type { Plan, PlannedWrites } from '../plan/types.js';
import { renderContext, type RenderContext } from '../render/index.js';
import { createClients, type Clients } from './clients.js';
import type { ProgressReporter } from './progress.js';
import { readSnapshots, type Snapshots } from './read-snapshots.js';

export interface PlanRequest {
  configFile: string;
  cwd: string;
  env: Record<string, string | undefined>;
  progress: ProgressReporter;
  /** Reuse clients (apply plans and writes with one Halo client, so one rate budget). */
  clients?: Clients;
}

export interface ComputedPlan {
  loaded: LoadedConfig;
  /** Config warnings (printing them is the caller's job). */
  configWarnings: Diagnostic[];
  /** Warnings the planner raised as diagnostics (e.g. a protected agent missing from Halo). */
  planDiagnostics: Diagnostic[];
  clients: Clients;
  snapshots: Snapshots;
  plan: Plan;
  writes: PlannedWrites;
  context: RenderContext;
}

export async function loadConfig(configFile: string, cwd: string) {
  return loadConfigOrThrow(configFile, { cwd });
}

export async function computePlan(request: PlanRequest): Promise<ComputedPlan> {
  const { loaded, warnings } = await loadConfig(request.configFile, request.cwd);
  const clients = request.clients ?? createClients(loaded.config, request.env, request.progress);
  const snapshots = await readSnapshots(loaded, clients, request.progress);
  const outcome = buildPlan(loaded, snapshots.directory, snapshots.halo);
  // References to Halo things that do not exist are config errors at the config line.
  if (!outcome.ok) throw new ConfigError([...warnings, ...outcome.diagnostics]);
  return {
    loaded,
    configWarnings: warnings,
    planDiagnostics: outcome.diagnostics,
    clients,
    snapshots,
    plan: outcome.plan,
    writes: outcome.writes,
    context: renderContext(loaded.config, request.configFile),
  };
}

// Still imported from here by src/action (plan-files.ts, apply-command.ts); everything else imports render-plan.js.
export { hasChanges } from './render-plan.js';
