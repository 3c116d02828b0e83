/**
 * `halo-sync plan [-c FILE] [--out plan.json] [--format text|markdown|json] [--detailed-exitcode]`:
 * read both sides and show exactly what apply would change. Never writes to Halo.
 * With --format json stdout holds the JSON document only; progress and warnings go to stderr.
 * Exit 0 (with --detailed-exitcode: 0 no changes, 2 changes present), 1 on error.
 */
import { Option, type Command } from 'commander';
import { writeFileAtomic, resolveFrom } from '../../app/files.js';
import { terminalProgress } from '../../app/progress.js';
import { hasChanges, renderPlan, type PlanFormat } from '../../app/render-plan.js';
import { DEFAULT_CONFIG_FILE } from '../../config/load.js';
import { renderPlanJson } from '../../render/index.js';
import { EXIT } from '../exit-codes.js';
import type { CommandContext } from '../main.js';
import { printDiagnostics, useColor, writeClean } from '../output.js';

interface PlanOptions {
  config: string;
  out?: string;
  format: PlanFormat;
  detailedExitcode?: boolean;
  color?: boolean;
}

export function registerPlan(program: Command, ctx: CommandContext): void {
  program
    .command('plan')
    .description('read Google Workspace and Halo and show what apply would change (never writes)')
    .option('-c, --config <file>', 'config file', DEFAULT_CONFIG_FILE)
    .option('--out <file>', 'also write the plan as JSON to this file (for `apply --plan`)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'markdown', 'json']).default('text'))
    .option('--detailed-exitcode', 'exit 2 when there are changes, 0 when none (like terraform plan)')
    .option('--no-color', 'no ANSI colours (also: NO_COLOR)')
    .action(async (options: PlanOptions) => {
      const { io } = ctx;
      const progress = terminalProgress(io.stderr);
      // Loaded on use: the API clients are heavy, and validate/--help need none of them.
      const { computePlan } = await import('../../app/run-plan.js');
      const computed = await computePlan({ configFile: options.config, cwd: io.cwd, env: io.env, progress });
      printDiagnostics(io, [...computed.configWarnings, ...computed.planDiagnostics]);
      writeClean(io, io.stdout, renderPlan(computed.plan, options.format, computed.context, { color: useColor(io, options.color) }));
      if (options.out) {
        await writeFileAtomic(resolveFrom(io.cwd, options.out), renderPlanJson(computed.plan));
        if (options.format !== 'json') writeClean(io, io.stderr, `Saved the plan to ${options.out}; apply exactly this plan with: halo-sync apply --plan ${options.out}\n`);
      }
      ctx.setExitCode(options.detailedExitcode && hasChanges(computed.plan) ? EXIT.changes : EXIT.ok);
    });
}
