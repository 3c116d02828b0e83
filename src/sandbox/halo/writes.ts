/**
 * POST upserts, the way Halo takes them: the body is a JSON array; an item without `id` (or with
 * id 0) is created, an item with an `id` updates only the fields it names. The whole batch is
 * checked first — against Halo's OpenAPI schema, then against the business rules a strict Halo
 * enforces — and only a clean batch is committed, so a refused batch changes nothing.
 * The response is the saved object for a one-item batch, an array of saved objects otherwise.
 */
import { problem, VALIDATION_TITLE } from './http.js';
import type { ApiReply } from './reads.js';
import { checkAgainstSchema, type FieldErrors } from './schema.js';
import type { CustomValue, HaloState } from './state.js';

export type Item = Record<string, unknown>;

export interface WriteIssue {
  key: string;
  message: string;
  /** An update of an id that does not exist: answered 404 when it is the only kind of problem. */
  notFound?: boolean;
}

export interface Upserter {
  /** Name of the request-body schema in the OpenAPI extract. */
  schema: string;
  /** Business rules for one item (already schema-valid); `at` is its path prefix, e.g. `[2]`. */
  check(item: Item, at: string, state: HaloState): WriteIssue[];
  /** Applies one checked item; returns the saved object in wire shape. Must not fail. */
  commit(item: Item, state: HaloState): unknown;
}

export interface WriteOutcome {
  reply: ApiReply;
  /** True when the state changed (a lost-response fault may then drop the reply). */
  committed: boolean;
}

export function upsertBatch(state: HaloState, upserter: Upserter, bodyText: string): WriteOutcome {
  let body: unknown;
  try {
    body = JSON.parse(bodyText);
  } catch (error) {
    return refuse(400, { $: [`The request body is not valid JSON: ${(error as Error).message}`] });
  }
  if (!Array.isArray(body)) {
    return refuse(400, { $: [`The JSON value could not be converted to a list of ${upserter.schema}: send a JSON array of objects, e.g. [{"id": 12, ...}].`] });
  }
  const schemaErrors: FieldErrors = {};
  body.forEach((item, i) => checkAgainstSchema(item, upserter.schema, `[${i}]`, schemaErrors));
  if (Object.keys(schemaErrors).length > 0) return refuse(400, schemaErrors);

  const items = body as Item[];
  const issues = items.flatMap((item, i) => upserter.check(item, `[${i}]`, state));
  if (issues.length > 0) {
    const errors: FieldErrors = {};
    for (const issue of issues.slice(0, 100)) (errors[issue.key] ??= []).push(issue.message);
    const status = issues.every((i) => i.notFound) ? 404 : 400;
    return refuse(status, errors);
  }
  const saved = items.map((item) => upserter.commit(item, state));
  state.version += 1;
  return { reply: { status: 200, body: saved.length === 1 ? saved[0] : saved }, committed: items.length > 0 };
}

function refuse(status: number, errors: FieldErrors): WriteOutcome {
  return { reply: { status, body: problem(status, status === 404 ? 'Not Found' : VALIDATION_TITLE, errors) }, committed: false };
}

/** An item creates when it has no id or id 0 (Halo's convention for "new"). */
export function isCreate(item: Item): boolean {
  return item.id === undefined || item.id === 0;
}

/** The update target must exist; a negative id is never valid. */
export function checkTarget(item: Item, at: string, exists: (id: number) => boolean, resource: string): WriteIssue[] {
  if (isCreate(item)) return [];
  const id = item.id as number;
  if (id < 0) return [{ key: `${at}.id`, message: `id must be 0 (create) or the id of an existing ${resource} record, got ${id}.` }];
  return exists(id) ? [] : [{ key: `${at}.id`, message: `No ${resource} record with id ${id}.`, notFound: true }];
}

export function nonEmpty(value: unknown): boolean {
  return typeof value === 'string' && value.trim() !== '';
}

/** Custom field values name a field by `id` (or by `name`); the field must be defined in /api/FieldInfo. */
export function checkCustomFields(value: unknown, at: string, state: HaloState): WriteIssue[] {
  if (!Array.isArray(value)) return [];
  const issues: WriteIssue[] = [];
  value.forEach((cf: Item | null, j) => {
    if (cf === null) return;
    if (resolveCustomField(cf, state) === undefined) {
      const what = cf.id !== undefined ? `id ${String(cf.id)}` : cf.name !== undefined ? `name '${String(cf.name)}'` : 'no id or name';
      issues.push({ key: `${at}.customfields[${j}].id`, message: `No custom field with ${what} (see /api/FieldInfo).` });
    }
  });
  return issues;
}

function resolveCustomField(cf: Item, state: HaloState): number | undefined {
  if (typeof cf.id === 'number' && cf.id !== 0) return state.fields.has(cf.id) ? cf.id : undefined;
  if (typeof cf.name === 'string') {
    for (const field of state.fields.values()) if (field.name.toLowerCase() === cf.name.toLowerCase()) return field.id;
  }
  return undefined;
}

/** Custom field values merge by field id: named fields are set, the others kept. */
export function mergeCustomFields(current: unknown, incoming: unknown, state: HaloState): CustomValue[] {
  const merged = new Map<number, unknown>((Array.isArray(current) ? (current as CustomValue[]) : []).map((cf) => [cf.id, cf.value]));
  if (Array.isArray(incoming)) {
    for (const cf of incoming as Array<Item | null>) {
      const id = cf === null ? undefined : resolveCustomField(cf, state);
      if (id !== undefined && cf) merged.set(id, cf.value ?? null);
    }
  }
  return [...merged].map(([id, value]) => ({ id, value }));
}
