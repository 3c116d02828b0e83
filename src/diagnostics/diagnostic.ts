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

/**
 * `FILE:LINE:COL: severity: message`, the format compilers and editors understand: one diagnostic,
 * one line. A message quoting the file (a YAML key that is itself a mapping, a value with a line
 * break or a terminal escape) shows those characters escaped, so neither a tool reading the lines
 * nor a terminal takes them for anything but text.
 */
export function formatDiagnostic(d: Diagnostic): string {
  const where = diagnosticPlace(d);
  return `${where ? `${where}: ` : ''}${d.severity}: ${oneLine(d.message)}`;
}

/** `FILE:LINE:COL` with the parts it has (`FILE`, `FILE:LINE`), or '' when it has none. */
export function diagnosticPlace(d: Pick<Diagnostic, 'file' | 'line' | 'column'>): string {
  return [d.file, d.line, d.column].filter((p) => p !== undefined && p !== '').join(':');
}

// eslint-disable-next-line no-control-regex -- finding control characters is this regex's purpose
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function oneLine(text: string): string {
  return text.replace(/\r\n|\r|\n/g, '\\n').replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
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
