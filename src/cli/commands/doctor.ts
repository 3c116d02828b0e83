/**
 * `halo-sync doctor [-c FILE] [--format text|json]`: checks the config, Halo and Google setup in
 * order and prints each as ok / warn / FAIL / skip with the fix. Text goes to stdout (it is the
 * command's answer); JSON mode prints one document and nothing else. Exit 0 when nothing failed
 * (warnings allowed), 1 otherwise. Output is scrubbed of every secret the environment holds.
 */
import { Option, type Command } from 'commander';
import { DEFAULT_CONFIG_FILE } from '../../config/load.js';
import { renderDoctorJson, renderDoctorText } from '../../render/doctor-report.js';
import { EXIT } from '../exit-codes.js';
import type { CommandContext } from '../main.js';
import { useColor, writeClean } from '../output.js';

interface DoctorOptions {
  config: string;
  format: 'text' | 'json';
  color?: boolean;
}

export function registerDoctor(program: Command, ctx: CommandContext): void {
  program
    .command('doctor')
    .description('check credentials, scopes, permissions and conflicts; says how to fix each problem')
    .option('-c, --config <file>', 'config file', DEFAULT_CONFIG_FILE)
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--no-color', 'no ANSI colours (also: NO_COLOR)')
    .action(async (options: DoctorOptions) => {
      const { io } = ctx;
      const { runDoctor } = await import('../../app/run-doctor.js'); // loaded on use (heavy API clients)
      const report = await runDoctor({ configFile: options.config, cwd: io.cwd, env: io.env });
      const text = options.format === 'json' ? renderDoctorJson(report) : renderDoctorText(report, { color: useColor(io, options.color) });
      writeClean(io, io.stdout, text);
      ctx.setExitCode(report.ok ? EXIT.ok : EXIT.error);
    });
}
