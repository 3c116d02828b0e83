/**
 * Reading halo-sync.yaml from disk: the only I/O of the config layer. Every way the file can fail to
 * be read (missing, a directory, unreadable, absurdly large) becomes a diagnostic naming the path,
 * never an exception; the text then goes to the pure parser.
 */
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { ConfigError } from '../diagnostics/errors.js';
import { parseConfigText, type ConfigLoadResult } from './parse.js';
import type { LoadedConfig } from './types.js';

export const DEFAULT_CONFIG_FILE = 'halo-sync.yaml';

/** Far beyond any real config; keeps a mistaken `-c some.iso` from eating memory. */
const MAX_BYTES = 5 * 1024 * 1024;

export interface LoadOptions {
  /** Directory a relative path is resolved against (the CLI passes io.cwd). */
  cwd?: string;
}

function fileProblem(file: string, code: string, message: string): ConfigLoadResult {
  const diagnostic: Diagnostic = { severity: 'error', code, file, message };
  return { diagnostics: [diagnostic] };
}

function readFailure(file: string, error: unknown): ConfigLoadResult {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return fileProblem(file, 'config-not-found', `config file not found: ${file}; pass the right path with -c FILE, or create halo-sync.yaml (see the example in the halo-sync repository)`);
    case 'EISDIR':
      return fileProblem(file, 'config-is-directory', `${file} is a directory, not a config file: pass the YAML file itself with -c FILE`);
    case 'EACCES':
    case 'EPERM':
      return fileProblem(file, 'config-unreadable', `config file ${file} cannot be read: permission denied; check the file's permissions`);
    default:
      return fileProblem(file, 'config-unreadable', `config file ${file} cannot be read${code ? ` (${code})` : ''}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * Loads and validates a config file. `file` is shown in diagnostics as given (relative paths stay
 * relative, as the user typed them) and read relative to `options.cwd`.
 */
export async function loadConfigFile(file: string, options: LoadOptions = {}): Promise<ConfigLoadResult> {
  const path = resolve(options.cwd ?? process.cwd(), file);
  let text: string;
  try {
    const info = await stat(path);
    if (info.isDirectory()) return readFailure(file, Object.assign(new Error('is a directory'), { code: 'EISDIR' }));
    if (info.size > MAX_BYTES) return fileProblem(file, 'config-too-large', `config file ${file} is ${info.size} bytes, too large to be a halo-sync config (limit ${MAX_BYTES}): check the -c path`);
    text = await readFile(path, 'utf8');
  } catch (error) {
    return readFailure(file, error);
  }
  return parseConfigText(text, file);
}

export interface LoadedWithWarnings {
  loaded: LoadedConfig;
  /** Warnings to show the user (printing them is the caller's job). */
  warnings: Diagnostic[];
}

/**
 * For plan, apply, explain and doctor: the loaded config and its warnings, or a ConfigError holding
 * every diagnostic (errors and warnings, so the user sees everything at once).
 */
export async function loadConfigOrThrow(file: string, options: LoadOptions = {}): Promise<LoadedWithWarnings> {
  const result = await loadConfigFile(file, options);
  if (!result.loaded) throw new ConfigError(result.diagnostics);
  return { loaded: result.loaded, warnings: result.diagnostics.filter((d) => d.severity === 'warning') };
}
