/**
 * What every semantic rule receives and returns. A rule is a small pure function of the config
 * (after defaults) and where its nodes are in the file; it returns diagnostics, never throws.
 * Rules run only on a config that passed the schema, so types can be trusted.
 */
import type { Diagnostic, Severity } from '../../diagnostics/diagnostic.js';
import { keyPosition, valuePosition, type PositionIndex } from '../positions.js';
import type { Config, Mapping } from '../types.js';

export interface RuleContext extends PositionIndex {
  config: Config;
  file: string;
}

export type Rule = (context: RuleContext) => Diagnostic[];

export interface Finding {
  severity?: Severity;
  code: string;
  pointer: string;
  message: string;
  /** `key`: point at the key of the entry (a refused key); default: at its value. */
  at?: 'key' | 'value';
}

/** A positioned diagnostic for a finding (errors unless said otherwise). */
export function report(context: RuleContext, finding: Finding): Diagnostic {
  const where = finding.at === 'key' ? keyPosition(context, finding.pointer) : valuePosition(context, finding.pointer);
  return {
    severity: finding.severity ?? 'error',
    code: finding.code,
    message: finding.message,
    file: context.file,
    line: where.line,
    column: where.column,
    pointer: finding.pointer,
  };
}

/** `mapping 'head-office'`, as mappings are named in messages. */
export function mappingLabel(mapping: Mapping): string {
  return `mapping '${mapping.name}'`;
}

/** Loose on purpose: catches names and typos, not every RFC 5322 corner. */
export function isEmailLike(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
}

/** The `line:col` of a pointer, for "first given at …" in messages. */
export function whereIs(context: RuleContext, pointer: string): string {
  const at = valuePosition(context, pointer);
  return `${at.line}:${at.column}`;
}
