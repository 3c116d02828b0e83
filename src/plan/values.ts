/**
 * Field value comparison. A plan must not show changes nobody could see in Halo, so equality
 * ignores meaningless differences: surrounding spaces, null vs empty string vs missing, the case of
 * email addresses, and the type of booleans and numbers ("true" equals true, "42" equals 42).
 */
import type { FieldValue } from './types.js';

/** A value as the plan JSON shows it: scalars as they are, anything else as JSON text. */
export function toFieldValue(value: unknown): FieldValue {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return JSON.stringify(value);
}

/** Email-like fields compare case-insensitively (`emailaddress`, `email2`, `manager_email`, …). */
export function isEmailField(field: string): boolean {
  return field.toLowerCase().includes('email');
}

/** The canonical text of a value for comparison; null for "no value". */
export function comparable(value: unknown, ignoreCase: boolean): string | null {
  if (value === undefined || value === null) return null;
  let text: string;
  if (typeof value === 'string') text = value.trim();
  else if (typeof value === 'boolean' || typeof value === 'number') text = String(value);
  else text = JSON.stringify(value);
  if (text === '') return null;
  return ignoreCase ? text.toLowerCase() : text;
}

/** @param ignoreCase true for email fields (see isEmailField). */
export function sameValue(a: unknown, b: unknown, ignoreCase: boolean): boolean {
  return comparable(a, ignoreCase) === comparable(b, ignoreCase);
}

/** The value to show as `after` and to write: strings trimmed, empty as null. */
export function desiredValue(value: string | boolean | null): FieldValue {
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return trimmed === '' ? null : trimmed;
  }
  return value;
}
