/**
 * A tiny collector of shape errors for hand-written JSON checks (parsePlanJson). Each check adds
 * `PATH: expected …, got …` and carries on, so a file's problems are all reported at once.
 */

/** More than this many errors means the file is not a plan at all; the rest are counted. */
const MAX_ERRORS = 50;

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return `the string ${JSON.stringify(shown)}`;
  }
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

export class Shape {
  private readonly list: string[] = [];
  private dropped = 0;

  error(message: string): void {
    if (this.list.length < MAX_ERRORS) this.list.push(message);
    else this.dropped += 1;
  }

  fail(path: string, expected: string, got: unknown): void {
    this.error(`${path}: expected ${expected}, got ${describe(got)}`);
  }

  errors(): string[] {
    return this.dropped > 0 ? [...this.list, `… and ${this.dropped} more errors`] : [...this.list];
  }

  /** An object with exactly the `required` keys, plus any of `optional`; null when not an object. */
  object(path: string, value: unknown, required: readonly string[], optional: readonly string[] = []): Record<string, unknown> | null {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.fail(path, 'an object', value);
      return null;
    }
    const record = value as Record<string, unknown>;
    for (const key of required) if (!(key in record)) this.error(`${path}: missing key "${key}"`);
    for (const key of Object.keys(record)) {
      if (!required.includes(key) && !optional.includes(key)) this.error(`${path}: unknown key ${JSON.stringify(key)}`);
    }
    return record;
  }

  array(path: string, value: unknown, each: (path: string, item: unknown) => void): void {
    if (!Array.isArray(value)) {
      this.fail(path, 'an array', value);
      return;
    }
    value.forEach((item, i) => each(`${path}[${i}]`, item));
  }

  string(path: string, value: unknown): void {
    if (typeof value !== 'string') this.fail(path, 'a string', value);
  }

  stringOrNull(path: string, value: unknown): void {
    if (value !== null && typeof value !== 'string') this.fail(path, 'a string or null', value);
  }

  number(path: string, value: unknown): void {
    if (typeof value !== 'number' || !Number.isFinite(value)) this.fail(path, 'a number', value);
  }

  integer(path: string, value: unknown, expected = 'an integer'): void {
    if (typeof value !== 'number' || !Number.isInteger(value)) this.fail(path, expected, value);
  }

  /** A count: an integer ≥ 0. */
  count(path: string, value: unknown): void {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) this.fail(path, 'a whole number ≥ 0', value);
  }

  scalar(path: string, value: unknown): void {
    const ok = value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
    if (!ok) this.fail(path, 'a string, number, boolean or null', value);
  }

  oneOf(path: string, value: unknown, allowed: readonly string[]): void {
    if (typeof value !== 'string' || !allowed.includes(value)) this.fail(path, `one of ${allowed.join(', ')}`, value);
  }
}
