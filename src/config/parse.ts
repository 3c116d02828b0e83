/**
 * Text → LoadedConfig, or every reason it is not one. Pure (no file system): the same text always
 * gives the same result, and no input makes it throw.
 *
 * Stages: YAML (syntax, duplicate keys, tabs…) → secrets scan on the raw document → schema →
 * defaults → semantic rules. A stage runs only when the stages before it left no error, except the
 * secrets scan, which always runs so a pasted secret is never missed; rules see only schema-valid data.
 */
import { createHash } from 'node:crypto';
import { hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { applyDefaults, type RawConfig } from './apply-defaults.js';
import { valuePosition, type PositionIndex } from './positions.js';
import { runRules } from './rules/index.js';
import { secretsInFile } from './rules/secrets.js';
import { schemaErrors } from './schema-check.js';
import { schemaDiagnostics } from './schema-errors.js';
import type { LoadedConfig } from './types.js';
import { parseYaml } from './yaml-document.js';

export interface ConfigLoadResult {
  /** Present iff there are no errors (warnings may accompany it). */
  loaded?: LoadedConfig;
  /** Errors and warnings, sorted by position. */
  diagnostics: Diagnostic[];
}

export function configDigest(text: string): string {
  return `sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}`;
}

function isUnder(pointer: string | undefined, root: string): boolean {
  return pointer !== undefined && (pointer === root || pointer.startsWith(`${root}/`));
}

/** Every diagnostic gets a position: its pointer's, else the start of the file. */
function positioned(diagnostics: Diagnostic[], index: PositionIndex): Diagnostic[] {
  return diagnostics.map((d) => (d.line !== undefined && d.column !== undefined ? d : { ...d, ...valuePosition(index, d.pointer ?? '') }));
}

export function parseConfigText(text: string, file: string): ConfigLoadResult {
  const yaml = parseYaml(text, file);
  const index: PositionIndex = { positions: yaml.positions, keyPositions: yaml.keyPositions };
  const finish = (diagnostics: Diagnostic[], loaded?: LoadedConfig): ConfigLoadResult => ({
    ...(loaded ? { loaded } : {}),
    diagnostics: sortDiagnostics(positioned(diagnostics, index)),
  });
  if (hasErrors(yaml.diagnostics) || yaml.data === undefined) return finish(yaml.diagnostics);

  const secrets = secretsInFile(yaml.data, { file, ...index });
  const secretPointers = new Set(secrets.map((d) => d.pointer ?? ''));
  // A value that holds a secret is reported once, as a secret, and never quoted by another message.
  const aboutSecret = (d: Diagnostic) => [...secretPointers].some((p) => isUnder(d.pointer, p));
  const schema = schemaDiagnostics(schemaErrors(yaml.data), { file, data: yaml.data, ...index, reportedKeys: secretPointers }).filter((d) => !aboutSecret(d));
  const early = [...yaml.diagnostics, ...secrets, ...schema];
  if (hasErrors(early)) return finish(early);

  const config = applyDefaults(yaml.data as RawConfig);
  const diagnostics = [...early, ...runRules({ config, file, ...index })];
  if (hasErrors(diagnostics)) return finish(diagnostics);
  return finish(diagnostics, { config, file, positions: yaml.positions, keyPositions: yaml.keyPositions, digest: configDigest(text) });
}
