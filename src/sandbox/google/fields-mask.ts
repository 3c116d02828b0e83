/**
 * Partial responses (the standard `fields` parameter), in Google's syntax: a comma list of
 * selections; `a/b` selects b inside a; `a(b,c)` selects b and c inside a (each item when a is a
 * list); `*` selects everything at its level. A malformed selection, or one naming a field the
 * resource does not have (checked two levels deep), is a 400 like Google's "Invalid field selection".
 */
import { fail } from './errors.js';

export type FieldTree = { [name: string]: FieldTree | true };

export interface ResourceShape {
  keys: readonly string[];
  /** Item keys of list fields, e.g. `users` → the User resource's keys. */
  children?: Record<string, readonly string[]>;
}

const NAME = /[A-Za-z0-9_$@.-]+|\*/y;

export function parseFieldMask(spec: string): FieldTree {
  let i = 0;
  const malformed = (): never => {
    throw fail.invalidFields(spec);
  };

  const readList = (closer: string): FieldTree => {
    const tree: FieldTree = {};
    for (;;) {
      const path: string[] = [];
      for (;;) {
        NAME.lastIndex = i;
        const m = NAME.exec(spec);
        if (!m) malformed();
        path.push(m![0]);
        i += m![0].length;
        if (spec[i] !== '/') break;
        i += 1;
      }
      let sub: FieldTree | true = true;
      if (spec[i] === '(') {
        i += 1;
        sub = readList(')');
        if (spec[i] !== ')') malformed();
        i += 1;
      }
      merge(tree, path, sub);
      if (spec[i] === ',') {
        i += 1;
        continue;
      }
      if ((closer === '' && i === spec.length) || (closer !== '' && spec[i] === closer)) return tree;
      return malformed();
    }
  };

  const tree = readList('');
  if (i !== spec.length) malformed();
  return tree;
}

function merge(tree: FieldTree, path: readonly string[], sub: FieldTree | true): void {
  const [head, ...rest] = path;
  if (head === undefined) return;
  const leaf: FieldTree | true = rest.length === 0 ? sub : nest(rest, sub);
  const existing = tree[head];
  if (existing === true) return;
  if (leaf === true || existing === undefined) {
    tree[head] = leaf;
    return;
  }
  for (const [k, v] of Object.entries(leaf)) merge(existing, [k], v);
}

function nest(path: readonly string[], sub: FieldTree | true): FieldTree {
  const [head, ...rest] = path;
  return { [head as string]: rest.length === 0 ? sub : nest(rest, sub) };
}

/** Refuses selections of fields the resource does not have (Google validates against its schema). */
export function checkFieldMask(tree: FieldTree, shape: ResourceShape): void {
  for (const [key, sub] of Object.entries(tree)) {
    if (key !== '*' && !shape.keys.includes(key)) throw fail.invalidFields(key);
    const itemKeys = shape.children?.[key];
    if (sub !== true && itemKeys) {
      for (const child of Object.keys(sub)) {
        if (child !== '*' && !itemKeys.includes(child)) throw fail.invalidFields(`${key}/${child}`);
      }
    }
  }
}

export function applyFieldMask(value: unknown, tree: FieldTree | true): unknown {
  if (tree === true) return value;
  if (Array.isArray(value)) return value.map((item) => applyFieldMask(item, tree));
  if (value === null || typeof value !== 'object') return undefined;
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  const star = tree['*'];
  for (const [key, field] of Object.entries(source)) {
    const sub = star === true || tree[key] === true ? true : (tree[key] ?? star);
    if (sub === undefined) continue;
    const picked = applyFieldMask(field, sub);
    if (picked !== undefined) out[key] = picked;
  }
  return out;
}
