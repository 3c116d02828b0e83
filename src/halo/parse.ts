/**
 * Defensive reading of Halo's answers. Halo lists come as bare arrays or wrapped
 * (`{users: [...], record_count}`), error pages sometimes arrive with status 200, and a field can
 * be null or the wrong type; every such surprise becomes a HaloApiError naming the call here, never
 * a crash deep inside the planner.
 */
import { HaloApiError } from './errors.js';
import { htmlSummary, looksLikeHtml, truncate } from './excerpt.js';

/** Where a value came from, for error messages: the call and the record. */
export interface Origin {
  method: string;
  path: string;
}

export function invalidAnswer(origin: Origin, problem: string, status = 200): HaloApiError {
  return new HaloApiError(origin.method, origin.path, status, problem, {
    message: `Halo API ${origin.method} ${origin.path} returned ${problem}`,
  });
}

/** JSON.parse with errors that say what came back instead. */
export function parseJson(text: string, contentType: string | null, origin: Origin, status = 200): unknown {
  if (looksLikeHtml(text, contentType)) {
    throw invalidAnswer(origin, `an HTML page instead of JSON ("${truncate(htmlSummary(text), 120)}"): is HALO_URL the Halo instance's address?`, status);
  }
  if (!text.trim()) throw invalidAnswer(origin, 'an empty body instead of JSON', status);
  try {
    return JSON.parse(text);
  } catch {
    throw invalidAnswer(origin, `invalid JSON (truncated?) (${text.length} characters)`, status);
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${truncate(JSON.stringify(value), 40)}`;
}

export interface ListAnswer {
  records: unknown[];
  /** Halo's total, when it said (paged reads). */
  recordCount: number | undefined;
  /** The page size Halo actually used, when it said (it may clamp what we asked for). */
  pageSize: number | undefined;
}

const GENERIC_KEYS = ['records', 'data', 'items', 'results'];

/** A bare array, or an object holding the list under `key` (or a generic list key). */
export function extractList(body: unknown, key: string, origin: Origin): ListAnswer {
  if (Array.isArray(body)) return { records: body, recordCount: undefined, pageSize: undefined };
  if (!isRecord(body)) throw invalidAnswer(origin, `${describe(body)} where a list of ${key} was expected`);
  const found = [key, ...GENERIC_KEYS].find((k) => k in body && body[k] !== undefined);
  if (found === undefined) {
    const keys = Object.keys(body).slice(0, 8).join(', ');
    throw invalidAnswer(origin, `an object without a "${key}" list (keys: ${keys || 'none'})`);
  }
  const list = body[found];
  if (!Array.isArray(list)) throw invalidAnswer(origin, `"${found}" as ${describe(list)}, not a list`);
  const count = body.record_count;
  const size = body.page_size;
  return {
    records: list,
    recordCount: typeof count === 'number' && Number.isInteger(count) && count >= 0 ? count : undefined,
    pageSize: typeof size === 'number' && Number.isInteger(size) && size > 0 ? size : undefined,
  };
}

/** Ids as numbers: integers, or strings holding one. */
export function toId(value: unknown, where: string, origin: Origin): number {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return Number(value.trim());
  throw invalidAnswer(origin, `${where} with id ${describe(value)} (expected a whole number)`);
}

/** Optional numbers (site_id, client_id): numeric strings become numbers, null and '' stay empty. */
export function toOptionalNumber(value: unknown, where: string, origin: Origin): number | null | undefined {
  if (value === undefined || value === null) return value;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string') {
    if (!value.trim()) return null;
    if (Number.isFinite(Number(value))) return Number(value);
  }
  throw invalidAnswer(origin, `${where} as ${describe(value)} (expected a number)`);
}

/** Optional strings: numbers are written as strings (ids), '' and whitespace mean "not set". */
export function toOptionalString(value: unknown, where: string, origin: Origin): string | null | undefined {
  if (value === undefined || value === null) return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string') return value.trim() ? value : null;
  throw invalidAnswer(origin, `${where} as ${describe(value)} (expected text)`);
}

/** Optional flags (inactive, isdisabled): a text "true" would read as active, so anything but a boolean is refused. */
export function checkOptionalBoolean(value: unknown, where: string, origin: Origin): void {
  if (value === undefined || value === null || typeof value === 'boolean') return;
  throw invalidAnswer(origin, `${where} as ${describe(value)} (expected true or false)`);
}

export function requireRecord(value: unknown, where: string, origin: Origin): Record<string, unknown> {
  if (!isRecord(value)) throw invalidAnswer(origin, `${where} as ${describe(value)}, not an object`);
  return value;
}
