/**
 * A problem a user can fix (a config error, an unknown Halo role, an unsafe plan). Diagnostics are
 * collected and shown together, never thrown one at a time.
 */
export type Severity = 'error' | 'warning';

export interface Diagnostic {
  severity: Severity;
  message: string;
  /** Stable machine-readable code, e.g. `unknown-key`, `duplicate-mapping-name`. */
  code: string;
  /** The file the problem is in (config path as the user gave it). */
  file?: string;
  /** 1-based line and column of the offending node. */
  line?: number;
  column?: number;
  /** JSON pointer of the offending node inside the document, e.g. `/mappings/0/site`. */
  pointer?: string;
}

/** `FILE:LINE:COL: severity: message`, the format compilers and editors understand. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = [d.file, d.line, d.column].filter((p) => p !== undefined && p !== '').join(':');
  return `${where ? `${where}: ` : ''}${d.severity}: ${d.message}`;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Sorted by file, line, column, then message, so output is stable. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      (a.file ?? '').localeCompare(b.file ?? '') ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      a.message.localeCompare(b.message),
  );
}
