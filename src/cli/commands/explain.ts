/**
 * `halo-sync explain EMAIL [-c FILE]`: why this person gets what they get — each mapping and the
 * clause that decided it, which mapping placed them, their fields, roles and CABs with the groups
 * that granted them, the licence verdict, how Halo matched them, and their planned changes.
 * Exit 0, or 1 when neither Google nor Halo knows the address.
 */
import type { Command } from 'commander';
import { terminalProgress } from '../../app/progress.js';
import { DEFAULT_CONFIG_FILE } from '../../config/load.js';
import { renderExplanation } from '../../render/explain-text.js';
import { EXIT } from '../exit-codes.js';
import type { CommandContext } from '../main.js';
import { printDiagnostics, useColor, writeClean } from '../output.js';

interface ExplainOptions {
  config: string;
  color?: boolean;
}

export function registerExplain(program: Command, ctx: CommandContext): void {
  program
    .command('explain')
    .description('explain why one person (by email) gets what they get in Halo, and what the plan does to them')
    .argument('<email>', 'the person\'s primary email or an alias')
    .option('-c, --config <file>', 'config file', DEFAULT_CONFIG_FILE)
    .option('--no-color', 'no ANSI colours (also: NO_COLOR)')
    .action(async (email: string, options: ExplainOptions) => {
      const { io } = ctx;
      const { runExplain } = await import('../../app/run-explain.js'); // loaded on use (heavy API clients)
      const result = await runExplain({ email, configFile: options.config, cwd: io.cwd, env: io.env, progress: terminalProgress(io.stderr) });
      printDiagnostics(io, result.configWarnings);
      writeClean(io, io.stdout, renderExplanation(result.explanation, { color: useColor(io, options.color) }));
      ctx.setExitCode(result.found ? EXIT.ok : EXIT.error);
    });
}
