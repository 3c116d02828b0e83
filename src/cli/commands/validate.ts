/**
 * `halo-sync validate [-c FILE] [--format text|json]`: offline check of the config. Text mode
 * prints diagnostics on stderr (the compiler habit) and the verdict last: on stdout when the config
 * is valid, on stderr when not. JSON mode prints one document on stdout and nothing else.
 * Exit 0 when valid (warnings allowed), 1 when not.
 */
import { Option, type Command } from 'commander';
import { redactSecrets } from '../../diagnostics/redact.js';
import { DEFAULT_CONFIG_FILE, runValidate, validateJson, validateSummary, validateTextLines } from '../../app/run-validate.js';
import { EXIT } from '../exit-codes.js';
import type { CommandContext } from '../main.js';

interface ValidateOptions {
  config: string;
  format: 'text' | 'json';
}

export function registerValidate(program: Command, ctx: CommandContext): void {
  program
    .command('validate')
    .description('check halo-sync.yaml offline (schema and semantic rules); shows every error and warning at once')
    .option('-c, --config <file>', 'config file', DEFAULT_CONFIG_FILE)
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (options: ValidateOptions) => {
      const { io } = ctx;
      const report = await runValidate(options.config, { cwd: io.cwd });
      const clean = (text: string) => redactSecrets(text, [io.env.HALO_CLIENT_SECRET, io.env.GOOGLE_ACCESS_TOKEN]);
      if (options.format === 'json') {
        io.stdout.write(clean(validateJson(report)));
      } else {
        for (const line of validateTextLines(report)) io.stderr.write(`${clean(line)}\n`);
        (report.valid ? io.stdout : io.stderr).write(`${clean(validateSummary(report))}\n`);
      }
      ctx.setExitCode(report.valid ? EXIT.ok : EXIT.error);
    });
}
