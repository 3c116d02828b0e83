/**
 * doctor's first check: the config loads and passes the same schema and semantic rules as
 * `halo-sync validate`. Every other check needs the loaded config; a failing one stops only the
 * checks that need it (Google's credential checks still run).
 */
import { formatDiagnostic, sortDiagnostics } from '../diagnostics/diagnostic.js';
import { loadConfigFile } from '../config/load.js';
import type { LoadedConfig } from '../config/types.js';
import { check, type DoctorCheck } from './types.js';

export interface ConfigOutcome {
  check: DoctorCheck;
  loaded?: LoadedConfig;
}

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

export async function checkConfig(file: string, cwd: string): Promise<ConfigOutcome> {
  const { loaded, diagnostics } = await loadConfigFile(file, { cwd });
  const items = sortDiagnostics(diagnostics).map(formatDiagnostic);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  if (!loaded || errors > 0) {
    return {
      check: check('config', 'Config', 'fail', `${file}: ${plural(errors, 'error')}${warnings ? `, ${plural(warnings, 'warning')}` : ''}`, {
        items,
        fix: `correct ${file} at the lines above (\`halo-sync validate -c ${file}\` shows the same list)`,
      }),
    };
  }
  if (warnings > 0) {
    return { loaded, check: check('config', 'Config', 'warn', `${file}: valid, ${plural(warnings, 'warning')}`, { items }) };
  }
  return { loaded, check: check('config', 'Config', 'ok', `${file}: valid`) };
}
