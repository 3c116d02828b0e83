/**
 * `halo-sync sandbox [--seed FILE] [--halo-port N] [--google-port N]`: runs the local Google
 * Directory and Halo API servers from a seed until interrupted.
 *
 * stdout carries exactly five `export NAME=value` lines (HALO_URL, HALO_CLIENT_ID,
 * HALO_CLIENT_SECRET, GOOGLE_API_ROOT, GOOGLE_ACCESS_TOKEN) so scripts can source them; everything
 * for people goes to stderr. Without --seed the packaged examples/sandbox-seed.yaml is used
 * (found next to the installed package, not in the current directory). Seed errors are all
 * printed and exit 1. SIGINT/SIGTERM close both servers and exit 0.
 */
import { InvalidArgumentError, type Command } from 'commander';
import { relative, resolve } from 'node:path';
import { HaloSyncError } from '../../diagnostics/errors.js';
import { EXIT } from '../exit-codes.js';
import type { CommandContext } from '../main.js';

interface SandboxCommandOptions {
  seed?: string;
  haloPort?: number;
  googlePort?: number;
}

export function registerSandbox(program: Command, ctx: CommandContext): void {
  program
    .command('sandbox')
    .description('run local Google Directory and Halo API servers from a seed, until Ctrl-C; prints export lines for HALO_URL and friends')
    .option('--seed <file>', 'sandbox seed, YAML or JSON (default: the packaged examples/sandbox-seed.yaml)')
    .option('--halo-port <n>', 'port for the Halo API (0 = any free port)', parsePort)
    .option('--google-port <n>', 'port for the Google Directory API (0 = any free port)', parsePort)
    .action(async (options: SandboxCommandOptions) => {
      ctx.setExitCode(await runSandboxCommand(options, ctx));
    });
}

async function runSandboxCommand(options: SandboxCommandOptions, ctx: CommandContext): Promise<number> {
  const { io } = ctx;
  // Loaded here, not at the top: every other command stays free of the servers and the schema extract.
  const { defaultSeedPath, loadSeedFile } = await import('../../sandbox/seed.js');
  const { formatEnvExports, startSandbox } = await import('../../sandbox/index.js');
  const seedPath = options.seed === undefined ? defaultSeedPath() : resolve(io.cwd, options.seed);
  const seed = await loadSeedFile(seedPath);
  const sandbox = await startSandbox({
    seed,
    ...(options.haloPort === undefined ? {} : { haloPort: options.haloPort }),
    ...(options.googlePort === undefined ? {} : { googlePort: options.googlePort }),
  }).catch((error: unknown) => {
    throw portError(error, options) ?? error;
  });
  try {
    io.stdout.write(formatEnvExports(sandbox.env));
    io.stderr.write(describeRunning(sandbox.env, seed, shownPath(seedPath, io.cwd)));
    // `eval "$(halo-sync sandbox)"` waits for the sandbox to exit, which it never does by itself.
    if (io.stdoutIsPipe?.()) io.stderr.write(PIPE_HINT);
    await (io.untilInterrupted ?? untilSignal)();
    io.stderr.write('halo-sync sandbox: stopping\n');
  } finally {
    await sandbox.close();
  }
  io.stderr.write('halo-sync sandbox: stopped\n');
  return EXIT.ok;
}

const PIPE_HINT =
  'Note: stdout is a pipe. If this is `eval "$(halo-sync sandbox)"`, the shell waits until the sandbox\n' +
  'stops: press Ctrl-C and run `halo-sync sandbox > sandbox.env &` then `. ./sandbox.env` instead.\n';

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new InvalidArgumentError('a port is a whole number from 0 to 65535 (0 picks a free port).');
  return port;
}

/** A port already taken is a user problem: say which option to change. */
function portError(error: unknown, options: SandboxCommandOptions): HaloSyncError | undefined {
  const e = error as NodeJS.ErrnoException & { port?: number };
  if (e?.code !== 'EADDRINUSE' && e?.code !== 'EACCES') return undefined;
  const flag = e.port !== undefined && e.port === options.googlePort ? '--google-port' : '--halo-port';
  const why = e.code === 'EADDRINUSE' ? 'is already in use' : 'needs privileges to listen on';
  return new HaloSyncError(`port ${e.port ?? '?'} ${why}: choose another with ${flag} (0 picks a free port)`);
}

function untilSignal(): Promise<void> {
  return new Promise((resolveStop) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolveStop();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

function shownPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel.startsWith('..') ? path : rel;
}

interface SeedCounts {
  google?: { customers?: Record<string, { users?: unknown[] }> };
  halo?: { users?: unknown[]; agents?: unknown[] };
}

function describeRunning(env: Record<string, string>, seed: SeedCounts, seedPath: string): string {
  const customers = Object.values(seed.google?.customers ?? {});
  const people = customers.reduce((n, c) => n + (c.users?.length ?? 0), 0);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return [
    'halo-sync sandbox is running. Press Ctrl-C to stop it.',
    `  Halo API           ${env.HALO_URL}   (client id "${env.HALO_CLIENT_ID}"; inspect: ${env.HALO_URL}/_sandbox/state and /_sandbox/stats)`,
    `  Google Directory   ${env.GOOGLE_API_ROOT}   (static bearer token, in GOOGLE_ACCESS_TOKEN)`,
    `  seed               ${seedPath}: ${people} ${people === 1 ? 'person' : 'people'} in ${customers.length} Google ${customers.length === 1 ? 'directory' : 'directories'}; ${plural(seed.halo?.users?.length ?? 0, 'Halo user')}, ${plural(seed.halo?.agents?.length ?? 0, 'agent')}`,
    'The export lines on stdout point halo-sync at these servers. From another shell, for example:',
    '  halo-sync sandbox > sandbox.env &   then   . ./sandbox.env && halo-sync plan',
    '',
  ].join('\n');
}
