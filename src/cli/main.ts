/**
 * The halo-sync command line. Each command lives in its own file under ./commands and returns an
 * exit code; this file owns the ONE catch that turns an exception into an exit code and a message
 * (no stack trace for anything a user can fix).
 */
import { Command, CommanderError } from 'commander';
import { ApiError, ConfigError, ExitError, HaloSyncError } from '../diagnostics/errors.js';
import { formatDiagnostic, sortDiagnostics } from '../diagnostics/diagnostic.js';
import { redactSecrets } from '../diagnostics/redact.js';
import { debugLoggingRefusal } from './debug-guard.js';
import { EXIT } from './exit-codes.js';
import { packageVersion } from './version.js';
import { processIO, type CliIO } from './io.js';
import { registerCommands } from './commands/index.js';

export interface CommandContext {
  io: CliIO;
  /** Set by the command's action: the process exit code. */
  setExitCode(code: number): void;
}

export function buildProgram(ctx: CommandContext): Command {
  const program = new Command('halo-sync')
    .description('Keep HaloPSA end users and agents in step with Google Workspace, as code.')
    .version(packageVersion(), '-V, --version', 'print the halo-sync version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => ctx.io.stdout.write(s),
      writeErr: (s) => ctx.io.stderr.write(s),
    });
  registerCommands(program, ctx);
  return program;
}

export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  let exitCode: number = EXIT.ok;
  const ctx: CommandContext = { io, setExitCode: (code) => (exitCode = code) };
  const refusal = debugLoggingRefusal(argv, io.env);
  if (refusal) return reportError(new ExitError(EXIT.error, refusal), io);
  try {
    await buildProgram(ctx).parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    return reportError(error, io);
  }
}

/** The one place that decides an exit code from an exception. */
export function reportError(error: unknown, io: CliIO): number {
  const secrets = [io.env.HALO_CLIENT_SECRET, io.env.GOOGLE_ACCESS_TOKEN];
  const say = (text: string) => io.stderr.write(`${redactSecrets(text, secrets)}\n`);
  if (error instanceof CommanderError) {
    // Commander already printed usage errors; --help and --version exit 0.
    return error.exitCode === 0 ? EXIT.ok : EXIT.error;
  }
  if (error instanceof ConfigError) {
    for (const d of sortDiagnostics(error.diagnostics)) say(formatDiagnostic(d));
    return EXIT.error;
  }
  if (error instanceof ExitError) {
    say(`error: ${error.message}`);
    return error.exitCode;
  }
  if (error instanceof ApiError || error instanceof HaloSyncError) {
    say(`error: ${error.message}`);
    return EXIT.error;
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  say(`internal error: ${detail}\nThis is a bug in halo-sync; please report it with the command you ran.`);
  return EXIT.error;
}
