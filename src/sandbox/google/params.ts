/** Query-parameter readers that answer bad values the way Google does (400 invalid). */
import { fail } from './errors.js';

/** A page size: default when absent; above `cap` it is capped (Google's documented maximum). */
export function pageSize(params: URLSearchParams, defaultSize: number, cap: number): number {
  const raw = params.get('maxResults');
  if (raw === null || raw === '') return defaultSize;
  if (!/^-?\d+$/.test(raw.trim())) throw fail.invalidInput('maxResults');
  const n = Number(raw);
  if (n < 1) throw fail.invalidInput('maxResults');
  return Math.min(n, cap);
}

/** An enum parameter, compared case-insensitively; returns the canonical spelling. */
export function enumParam<T extends string>(params: URLSearchParams, name: string, allowed: readonly T[], fallback: T): T {
  const raw = params.get(name);
  if (raw === null || raw === '') return fallback;
  const hit = allowed.find((a) => a.toLowerCase() === raw.toLowerCase());
  if (!hit) throw fail.invalidInput(name);
  return hit;
}

export function boolParam(params: URLSearchParams, name: string): boolean {
  const raw = params.get(name);
  if (raw === null || raw === '') return false;
  if (raw.toLowerCase() === 'true') return true;
  if (raw.toLowerCase() === 'false') return false;
  throw fail.invalidInput(name);
}

export function stringParam(params: URLSearchParams, name: string): string | undefined {
  const raw = params.get(name);
  return raw === null || raw === '' ? undefined : raw;
}
