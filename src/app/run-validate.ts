/**
 * `halo-sync validate`: load the config offline (schema + semantic rules) and report every error and
 * warning at once. Also home of the helper the other commands use to load a config or stop with
 * all its diagnostics (re-exported from the config layer).
 */
import { formatDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { loadConfigFile, type LoadOptions } from '../config/load.js';
import { formatCount } from '../render/index.js';

export { DEFAULT_CONFIG_FILE, loadConfigOrThrow, type LoadedWithWarnings } from '../config/load.js';

export interface ValidateReport {
  file: string;
  valid: boolean;
  errors: number;
  warnings: number;
  /** Sorted by file, line, column. */
  diagnostics: Diagnostic[];
}

export async function runValidate(file: string, options: LoadOptions = {}): Promise<ValidateReport> {
  const { diagnostics } = await loadConfigFile(file, options);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return { file, valid: errors === 0, errors, warnings: diagnostics.length - errors, diagnostics };
}

const count = (n: number, noun: string) => `${formatCount(n)} ${noun}${n === 1 ? '' : 's'}`;

/** `valid`, `valid (2 warnings)` or `3 errors, 1 warning`: the CLI line, the job summary and the fork comment all say this. */
export function validateVerdict(report: Pick<ValidateReport, 'valid' | 'errors' | 'warnings'>): string {
  if (report.valid) return `valid${report.warnings ? ` (${count(report.warnings, 'warning')})` : ''}`;
  return `${count(report.errors, 'error')}${report.warnings ? `, ${count(report.warnings, 'warning')}` : ''}`;
}

/** `halo-sync.yaml: valid (2 warnings)` or `halo-sync.yaml: 3 errors, 1 warning`. */
export function validateSummary(report: ValidateReport): string {
  return `${report.file}: ${validateVerdict(report)}`;
}

/** The text report: one `FILE:LINE:COL: severity: message` line per diagnostic. */
export function validateTextLines(report: ValidateReport): string[] {
  return report.diagnostics.map(formatDiagnostic);
}

/** The `--format json` document (a contract: keys are stable). */
export function validateJson(report: ValidateReport): string {
  const document = {
    valid: report.valid,
    errors: report.errors,
    warnings: report.warnings,
    diagnostics: report.diagnostics.map((d) => ({
      severity: d.severity,
      code: d.code,
      message: d.message,
      file: d.file ?? report.file,
      line: d.line ?? null,
      column: d.column ?? null,
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
