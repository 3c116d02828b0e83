/**
 * Loading the sandbox seed (DESIGN.md "Sandbox"): a YAML or JSON file (told apart by content, not
 * name; JSON is read by the same YAML 1.2 parser) describing both fake services. Every section is
 * optional. All problems are reported together, each naming the record and the field and pointing
 * at its line: `seed.yaml:41:7: error: halo.users[3] (id 17): site_id 99 is not a site in halo.sites`.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { LineCounter, parseDocument } from 'yaml';
import { formatDiagnostic, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { ConfigError } from '../diagnostics/errors.js';
import type { SandboxSeed } from './seed-types.js';
import { checkFaults, checkSimulate } from './seed/check-faults.js';
import { checkGoogle } from './seed/check-google.js';
import { checkHalo } from './seed/check-halo.js';
import { checkKeys, isRecord, SeedReport } from './seed/report.js';

export const SEED_SECTIONS = ['google', 'halo', 'faults', 'simulate'] as const;

export interface SeedParseResult {
  /** Present only when there are no errors. */
  seed?: SandboxSeed;
  /** Every problem, formatted `FILE:LINE:COL: error: message`, in file order. */
  errors: string[];
  diagnostics: Diagnostic[];
}

/** The seed the CLI and the demo use when none is given: examples/sandbox-seed.yaml in the package. */
export function defaultSeedPath(): string {
  // src/sandbox/seed.ts and lib/sandbox/seed.js both sit two levels below the package root.
  return fileURLToPath(new URL('../../examples/sandbox-seed.yaml', import.meta.url));
}

/** Pure: parses and checks seed text. `file` is only used in messages. */
export function parseSeed(text: string, file: string): SeedParseResult {
  const lines = new LineCounter();
  // logLevel 'error': YAML warnings (e.g. an unknown !tag) are reported below, not printed by the parser.
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, logLevel: 'error' });
  const report = new SeedReport(file, doc, lines);
  const problems = [...doc.errors, ...doc.warnings];
  if (problems.length > 0) {
    for (const e of problems) {
      const pos = lines.linePos(e.pos[0]);
      report.fileError(`not valid YAML or JSON: ${e.message.split('\n')[0]}`, { line: pos.line, column: pos.col });
    }
    return finish(report);
  }
  const value: unknown = doc.toJS({ maxAliasCount: 1000 }) ?? {};
  if (!isRecord(value)) {
    report.fileError(`a seed is a mapping with the sections ${SEED_SECTIONS.join(', ')} (all optional)`, { line: 1, column: 1 });
    return finish(report);
  }
  checkKeys(report, value, [], 'seed', SEED_SECTIONS);
  checkGoogle(value.google, report);
  checkHalo(value.halo, report);
  checkFaults(value.faults, report);
  checkSimulate(value.simulate, customerNames(value.google), report);
  return finish(report, value as SandboxSeed);
}

/** Reads and checks a seed file; throws ConfigError with every problem (the CLI prints them all, exit 1). */
export async function loadSeedFile(path: string): Promise<SandboxSeed> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new ConfigError([{ severity: 'error', code: 'seed-unreadable', file: path, message: `cannot read the sandbox seed: ${reason}` }]);
  }
  const result = parseSeed(text, path);
  if (!result.seed) throw new ConfigError(result.diagnostics);
  return result.seed;
}

function finish(report: SeedReport, seed?: SandboxSeed): SeedParseResult {
  const diagnostics = sortDiagnostics(report.diagnostics);
  return { ...(diagnostics.length === 0 && seed ? { seed } : {}), errors: diagnostics.map(formatDiagnostic), diagnostics };
}

/** Keys and ids of the seeded customers (simulate.googleForbiddenCustomers may use either). */
function customerNames(google: unknown): string[] {
  if (!isRecord(google) || !isRecord(google.customers)) return [];
  return Object.entries(google.customers).flatMap(([key, c]) => [key, ...(isRecord(c) && typeof c.id === 'string' ? [c.id] : [])]);
}
