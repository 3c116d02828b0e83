/**
 * `halo-sync demo`: plan → apply → plan on the embedded sandbox, explained for a newcomer (see
 * src/app/run-demo.ts). Exit 0 only when the plan after apply has no changes.
 */
import type { Command } from 'commander';
import { terminalProgress } from '../../app/progress.js';
import { EXIT } from '../exit-codes.js';
import type { CommandContext } from '../main.js';
import { printDiagnostics, useColor, writeClean } from '../output.js';

export function registerDemo(program: Command, ctx: CommandContext): void {
  program
    .command('demo')
    .description('plan → apply → plan on a local sandbox (nothing real is touched): the quickest way to see halo-sync work')
    .option('--no-color', 'no ANSI colours (also: NO_COLOR)')
    .action(async (options: { color?: boolean }) => {
      const { io } = ctx;
      // Loaded here, not at the top: other commands stay free of the sandbox servers.
      const { runDemo } = await import('../../app/run-demo.js');
      const outcome = await runDemo({
        say: (text) => writeClean(io, io.stdout, text),
        warn: (diagnostics) => printDiagnostics(io, diagnostics),
        progress: terminalProgress(io.stderr),
        color: useColor(io, options.color),
      });
      if (!outcome.converged) writeClean(io, io.stderr, 'error: the plan after apply still has changes; this is a bug in halo-sync or its sandbox, please report it.\n');
      ctx.setExitCode(outcome.exitCode === 0 ? EXIT.ok : EXIT.error);
    });
}
