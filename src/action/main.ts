/**
 * The GitHub Action, in-process: mask secrets first, parse inputs (pure), read the event, run the
 * command over the same app layer the CLI uses, and turn any error into annotations and an exit
 * code in ONE place. Returns the exit code instead of setting process.exitCode, so tests can run it
 * in-process; entry.ts (the bundle's entry point) sets it.
 *
 * Exit codes are the CLI's: 0 done, 1 error, 3 refused (over a safety limit, or a stale plan).
 * A failing exit code always comes with an error annotation saying why (what core.setFailed does).
 */
import * as core from '@actions/core';
import { debugLoggingRefusal } from '../cli/debug-guard.js';
import { EXIT } from '../cli/exit-codes.js';
import { ConfigError, ExitError, HaloSyncError } from '../diagnostics/errors.js';
import { redactSecrets } from '../diagnostics/redact.js';
import { annotate } from './annotations.js';
import { applyCommand } from './apply-command.js';
import { buildContext, type ActionContext } from './context.js';
import { readEvent } from './event.js';
import { parseInputs } from './inputs.js';
import { planCommand } from './plan-command.js';
import { findSecrets } from './secrets.js';
import { validateCommand } from './validate-command.js';

type Env = Record<string, string | undefined>;

export interface ActionResult {
  exitCode: number;
}

export async function runAction(env: Env = process.env, cwd: string = process.cwd()): Promise<ActionResult> {
  const secrets = findSecrets(env);
  for (const secret of secrets) core.setSecret(secret);
  const parsed = parseInputs(env);
  if (!parsed.ok) {
    for (const error of parsed.errors) core.error(error);
    return { exitCode: EXIT.error };
  }
  // Same guard as the CLI: never send credentials while Node or Google's library logs them.
  const refusal = parsed.inputs.command === 'validate' ? null : debugLoggingRefusal([parsed.inputs.command], env);
  if (refusal) {
    core.error(refusal);
    return { exitCode: EXIT.error };
  }
  const event = await readEvent(env);
  const ctx = buildContext(parsed.inputs, event, env, secrets, cwd);
  core.info(`halo-sync ${ctx.inputs.command} · config ${ctx.configKey} · event ${event.name || 'unknown'} · privacy ${ctx.privacy ? 'on' : 'off'}`);
  try {
    return { exitCode: await runCommand(ctx) };
  } catch (error) {
    return { exitCode: reportError(ctx, error) };
  }
}

function runCommand(ctx: ActionContext): Promise<number> {
  switch (ctx.inputs.command) {
    case 'validate':
      return validateCommand(ctx);
    case 'plan':
      return planCommand(ctx);
    case 'apply':
      return applyCommand(ctx);
  }
}

/** The one catch: what the user can fix gets its message (config errors at their lines); a bug says so. */
export function reportError(ctx: Pick<ActionContext, 'secrets' | 'workspace' | 'workdir' | 'configKey'>, error: unknown): number {
  const clean = (text: string) => redactSecrets(text, ctx.secrets);
  if (error instanceof ConfigError) {
    annotate(error.diagnostics, ctx);
    core.error(`${ctx.configKey}: ${error.message}; nothing was planned or applied.`);
    return EXIT.error;
  }
  if (error instanceof ExitError) {
    core.error(clean(error.message));
    return error.exitCode === EXIT.ok ? EXIT.error : error.exitCode;
  }
  if (error instanceof HaloSyncError) {
    core.error(clean(error.message));
    return EXIT.error;
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  core.error(clean(`halo-sync hit an unexpected error (a bug; please report it with this log): ${detail}`));
  return EXIT.error;
}
