/**
 * Splits a Directory search string (users or groups) into raw clauses, following Google's syntax:
 * whitespace-separated clauses joined by an implicit AND; `field op value` or a bare value;
 * operators `=`, `:`, `:value*` (prefix), `:[MIN,MAX]` (range), `>`, `>=`, `<`, `<=`; values
 * unquoted (no whitespace) or in single quotes, where `\'` is a quote and `\\` a backslash.
 * What each field accepts is checked by the users and groups parsers, not here.
 */

export type RawOperator = '=' | ':' | '>' | '>=' | '<' | '<=';

export interface RawClause {
  /** `null` for a bare value; `Schema.field` for a custom attribute. */
  field: string | null;
  op: RawOperator | null;
  value: string;
  /** `:value*`. */
  prefix: boolean;
  /** `:[MIN,MAX]`. */
  range?: { min: string; max: string };
}

export type ScanResult = { ok: true; clauses: RawClause[] } | { ok: false; message: string };

const FIELD = /[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)?/y;
const SPACE = /\s/;

class ScanError extends Error {}

export function scanQuery(query: string): ScanResult {
  const clauses: RawClause[] = [];
  let i = 0;
  const at = (k: number): string => query[k] ?? '';
  const atEnd = (k: number): boolean => k >= query.length || SPACE.test(at(k));

  /** Reads a quoted value starting at the opening quote; returns the text and the index after the closing quote. */
  const readQuoted = (start: number): [string, number] => {
    let out = '';
    let k = start + 1;
    while (k < query.length) {
      const c = at(k);
      if (c === '\\' && (at(k + 1) === "'" || at(k + 1) === '\\')) {
        out += at(k + 1);
        k += 2;
      } else if (c === "'") {
        return [out, k + 1];
      } else {
        out += c;
        k += 1;
      }
    }
    throw new ScanError(`unterminated quoted value at column ${start + 1}`);
  };

  /** Reads an unquoted value up to whitespace; a stray quote is a syntax error. */
  const readUnquoted = (start: number): [string, number] => {
    let out = '';
    let k = start;
    while (!atEnd(k)) {
      const c = at(k);
      if (c === '\\' && (at(k + 1) === "'" || at(k + 1) === '\\')) {
        out += at(k + 1);
        k += 2;
      } else if (c === "'") {
        throw new ScanError(`unexpected quote at column ${k + 1}`);
      } else {
        out += c;
        k += 1;
      }
    }
    return [out, k];
  };

  /** A value with an optional trailing `*` (prefix) after an unquoted word or a closing quote. */
  const readValue = (start: number): { value: string; star: boolean; next: number } => {
    if (at(start) === "'") {
      const [value, after] = readQuoted(start);
      const star = at(after) === '*';
      const next = star ? after + 1 : after;
      if (!atEnd(next)) throw new ScanError(`unexpected text after the quoted value at column ${next + 1}`);
      return { value, star, next };
    }
    const [raw, next] = readUnquoted(start);
    const star = raw.length > 1 && raw.endsWith('*');
    return { value: star ? raw.slice(0, -1) : raw, star, next };
  };

  try {
    while (i < query.length) {
      if (SPACE.test(at(i))) {
        i += 1;
        continue;
      }
      FIELD.lastIndex = i;
      const field = at(i) === "'" ? null : FIELD.exec(query);
      const opStart = field ? i + field[0].length : i;
      if (field && '=:<>'.includes(at(opStart)) && at(opStart) !== '') {
        let op: RawOperator = at(opStart) as RawOperator;
        let k = opStart + 1;
        if ((op === '>' || op === '<') && at(k) === '=') {
          op = `${op}=` as RawOperator;
          k += 1;
        }
        if (op === ':' && at(k) === '[') {
          const close = query.indexOf(']', k);
          if (close < 0) throw new ScanError(`unterminated range at column ${k + 1}`);
          const parts = query.slice(k + 1, close).split(',');
          if (parts.length !== 2 || !parts[0] || !parts[1]) throw new ScanError(`a range is [MIN,MAX], at column ${k + 1}`);
          if (!atEnd(close + 1)) throw new ScanError(`unexpected text after the range at column ${close + 2}`);
          clauses.push({ field: field[0], op, value: '', prefix: false, range: { min: parts[0], max: parts[1] } });
          i = close + 1;
          continue;
        }
        if (atEnd(k)) throw new ScanError(`missing value after ${field[0]}${op}`);
        const { value, star, next } = readValue(k);
        if (value === '') throw new ScanError(`empty value after ${field[0]}${op}`);
        // A trailing `*` means prefix only after `:`; elsewhere it is part of the value.
        const prefix = star && op === ':';
        clauses.push({ field: field[0], op, value: star && !prefix ? `${value}*` : value, prefix });
        i = next;
        continue;
      }
      const { value, star, next } = readValue(i);
      if (value === '') throw new ScanError(`empty value at column ${i + 1}`);
      clauses.push({ field: null, op: null, value: star ? `${value}*` : value, prefix: false });
      i = next;
    }
  } catch (error) {
    if (error instanceof ScanError) return { ok: false, message: error.message };
    throw error;
  }
  return { ok: true, clauses };
}
