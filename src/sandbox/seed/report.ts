/**
 * Collects seed errors as diagnostics that point at the offending node in the file
 * (`FILE:LINE:COL: error: halo.users[3] (id 17): site_id 99 is not a site in halo.sites`).
 */
import type { Document, LineCounter } from 'yaml';
import { isMap, isNode, isPair, isScalar } from 'yaml';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';

export type Path = ReadonlyArray<string | number>;

export class SeedReport {
  readonly diagnostics: Diagnostic[] = [];

  constructor(
    private readonly file: string,
    private readonly doc?: Document,
    private readonly lines?: LineCounter,
  ) {}

  /**
   * An error about the node at `path`; `label` names the record for the reader (e.g.
   * `halo.users[3] (id 17)`). With `atKey`, the position is the key itself (unknown keys).
   */
  error(path: Path, label: string, message: string, options: { atKey?: boolean; code?: string } = {}): void {
    const where = this.locate(path, options.atKey ?? false);
    this.diagnostics.push({
      severity: 'error',
      code: options.code ?? 'invalid-seed',
      message: `${label}: ${message}`,
      file: this.file,
      ...(where ?? {}),
      pointer: `/${path.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`,
    });
  }

  /** A problem with the file as a whole (unreadable, not YAML). */
  fileError(message: string, position?: { line: number; column: number }): void {
    this.diagnostics.push({ severity: 'error', code: 'invalid-seed', message, file: this.file, ...(position ?? {}) });
  }

  private locate(path: Path, atKey: boolean): { line: number; column: number } | undefined {
    if (!this.doc || !this.lines) return undefined;
    // Walk up until a node exists (a missing field is reported at its record).
    for (let depth = path.length; depth >= 0; depth--) {
      const prefix = path.slice(0, depth);
      const node = atKey && depth === path.length ? this.keyNode(prefix) : this.doc.getIn(prefix, true);
      const range = isNode(node) ? node.range : undefined;
      if (range) {
        const pos = this.lines.linePos(range[0]);
        return { line: pos.line, column: pos.col };
      }
    }
    return undefined;
  }

  private keyNode(path: Path): unknown {
    const parent = this.doc?.getIn(path.slice(0, -1), true);
    const key = path[path.length - 1];
    if (!isMap(parent)) return undefined;
    const pair = parent.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(key));
    return pair?.key;
  }
}

/** `a.b[0].c` style, as messages name things. */
export function pathText(path: Path): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reports keys outside `known` at the key itself, suggesting a close match. */
export function checkKeys(report: SeedReport, value: Record<string, unknown>, path: Path, label: string, known: readonly string[]): void {
  for (const key of Object.keys(value)) {
    if (known.includes(key)) continue;
    const near = known.find((k) => distance(k.toLowerCase(), key.toLowerCase()) <= 2);
    const hint = near ? `did you mean '${near}'?` : `expected one of: ${known.join(', ')}`;
    report.error([...path, key], label, `unknown key '${key}' (${hint})`, { atKey: true, code: 'unknown-key' });
  }
}

/** Levenshtein distance, for "did you mean" hints on short keys. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j] as number;
      row[j] = Math.min(current + 1, (row[j - 1] as number) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = current;
    }
  }
  return row[b.length] as number;
}
