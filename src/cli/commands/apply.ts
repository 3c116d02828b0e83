/**
 * `halo-sync apply [-c FILE] [--plan plan.json] [--yes] [--journal FILE] [--status-file FILE] [--no-color]`
 *
 * Re-reads Google Workspace and Halo, re-plans, and writes the plan to Halo (the only command that
 * writes). The plan and the report go to stdout; progress, refusals and notices to stderr.
 * Exit 0: applied (or no changes); 1: something failed, or approval missing; 3: refused (over a
 * safety limit, or the reviewed plan is stale).
 */
import type { Command } from 'commander';
import { terminalProgress } from '../../app/progress.js';
import { renderPlan } from '../../app/render-plan.js';
import type { ApplyRun } from '../../app/run-apply.js';
import { DEFAULT_CONFIG_FILE } from '../../config/load.js';
import { renderApplyText } from '../../render/apply-report.js';
import { NO_CHANGES_LINE } from '../../render/index.js';
import type { CliIO } from '../io.js';
import type { CommandContext } from '../main.js';
import { printDiagnostics, useColor, writeClean } from '../output.js';

interface ApplyOptions {
  config: string;
  plan?: string;
  yes?: boolean;
  journal?: string;
  statusFile?: string;
  color?: boolean;
}

export function registerApply(program: Command, ctx: CommandContext): void {
  program
    .command('apply')
    .description('re-read both sides, re-plan, and write the plan to Halo (asks first on a terminal)')
    .option('-c, --config <file>', 'config file', DEFAULT_CONFIG_FILE)
    .option('--plan <file>', 'apply exactly this reviewed plan (from `plan --out`), or refuse if it is stale')
    .option('--yes', 'apply without asking (needed when not on a terminal)')
    .option('--journal <file>', 'append one JSON line per operation to this file, as it happens')
    .option('--status-file <file>', "write the run's outcome (last run, counts, last error, commit) to this JSON file")
    .option('--no-color', 'no ANSI colours (also: NO_COLOR)')
    .action(async (options: ApplyOptions) => {
      ctx.setExitCode(await applyCommand(options, ctx.io));
    });
}

export async function applyCommand(options: ApplyOptions, io: CliIO): Promise<number> {
  const color = useColor(io, options.color);
  const { runApply } = await import('../../app/run-apply.js'); // loaded on use (heavy API clients)
  const run = await runApply({
    configFile: options.config,
    cwd: io.cwd,
    env: io.env,
    progress: terminalProgress(io.stderr),
    ...(options.plan ? { planFile: options.plan } : {}),
    yes: options.yes === true,
    ...(io.confirm ? { confirm: io.confirm } : {}),
    ...(options.journal ? { journalFile: options.journal } : {}),
    ...(options.statusFile ? { statusFile: options.statusFile } : {}),
    onPlan: (computed) => {
      printDiagnostics(io, [...computed.configWarnings, ...computed.planDiagnostics]);
      if (options.plan) writeClean(io, io.stderr, `The reviewed plan ${options.plan} is still current: a fresh plan made now is identical.\n`);
      if (computed.plan.changes.length > 0) writeClean(io, io.stdout, `${renderPlan(computed.plan, 'text', computed.context, { color })}\n`);
    },
    onNote: (text) => writeClean(io, io.stderr, `${text}\n`),
  });
  printOutcome(run, io, color);
  return run.exitCode;
}

function printOutcome(run: ApplyRun, io: CliIO, color: boolean): void {
  const { outcome } = run;
  switch (outcome.kind) {
    case 'no-changes':
      writeClean(io, io.stdout, `${NO_CHANGES_LINE}\n`);
      return;
    case 'refused': {
      const label = outcome.reason === 'stale' ? 'Differences (reviewed plan → fresh plan):' : 'Safety limits exceeded:';
      const lines = [`Apply refused. ${outcome.message}`, label, ...outcome.details.map((d) => `  ${d}`)];
      writeClean(io, io.stderr, `${lines.join('\n')}\n`);
      return;
    }
    case 'cancelled':
      writeClean(io, io.stderr, 'Apply cancelled; nothing was changed.\n');
      return;
    case 'applied':
      writeClean(io, io.stdout, renderApplyText(outcome.result, { color }));
  }
}
