/**
 * Halo's writes: batched upserts with one result per input record (in input order), so apply can
 * journal exactly what happened to whom. Updates (records with an id) and creates go in separate
 * batches: updates are safe to repeat and get retries; creates are never repeated blindly.
 */
import type { HaloAgent, HaloCab, HaloControl, HaloUser } from '../model/halo.js';
import { BatchRun, type BatchItem, type BatchSpec, type WriteResult } from './batch.js';
import type { HaloClient } from './client.js';
import { HaloApiError } from './errors.js';
import { normalizeAgent, normalizeCab, normalizeControl, normalizeUser } from './normalize.js';

export type { WriteResult } from './batch.js';

/** A record to write: with a positive `id` it is an update of those fields, without one a create. */
export type HaloWrite = Record<string, unknown> & { id?: number };

type Key = (record: Record<string, unknown>) => string | undefined;

const text = (field: string): Key => (record) => {
  const value = record[field];
  return typeof value === 'string' && value.trim() ? value.trim() : typeof value === 'number' ? String(value) : undefined;
};
const lowerText = (field: string): Key => (record) => text(field)(record)?.toLowerCase();

export function isUpdate(record: Record<string, unknown>): boolean {
  return typeof record.id === 'number' && Number.isInteger(record.id) && record.id > 0;
}

function matchById<T extends { id: number }>(items: readonly BatchItem[], saved: readonly T[]): Array<T | undefined> {
  const byId = new Map(saved.map((s) => [s.id, s]));
  return items.map((item) => byId.get(item.body.id as number));
}

/**
 * Creates: Halo answers in request order; that order is trusted only when every identity key that
 * both sides have agrees. Otherwise each record is found by its keys (Google id, then email),
 * and only a unique candidate counts.
 */
export function matchCreates<T extends Record<string, unknown>>(keys: readonly Key[]) {
  return (items: readonly BatchItem[], saved: readonly T[]): Array<T | undefined> => {
    const agrees = (body: Record<string, unknown>, record: T) =>
      keys.every((key) => {
        const [a, b] = [key(body), key(record)];
        return a === undefined || b === undefined || a === b;
      });
    if (saved.length === items.length && items.every((item, i) => agrees(item.body, saved[i] as T))) return [...saved];
    const used = new Set<T>();
    return items.map((item) => {
      for (const key of keys) {
        const value = key(item.body);
        if (value === undefined) continue;
        const candidates = saved.filter((s) => !used.has(s) && key(s) === value);
        if (candidates.length === 1) {
          used.add(candidates[0] as T);
          return candidates[0];
        }
        if (candidates.length > 1) return undefined;
      }
      return undefined;
    });
  };
}

async function upsert<T extends { id: number }>(
  client: HaloClient,
  records: readonly HaloWrite[],
  spec: Omit<BatchSpec<T>, 'kind' | 'match'> & { createKeys: readonly Key[] },
): Promise<WriteResult<T>[]> {
  const items = records.map((body, index) => ({ index, body: { ...body } }));
  const progress = { done: 0, total: items.length, failed: 0 };
  const updates = new BatchRun<T>(client, { ...spec, kind: 'update', match: matchById }, progress);
  const creates = new BatchRun<T>(client, { ...spec, kind: 'create', match: matchCreates<T & Record<string, unknown>>(spec.createKeys) as BatchSpec<T>['match'] }, progress);
  const results = [...(await updates.run(items.filter((i) => isUpdate(i.body)))), ...(await creates.run(items.filter((i) => !isUpdate(i.body))))];
  return results.sort((a, b) => a.index - b.index);
}

/** End users (`POST /api/Users`). Creates are matched back by `googleworkplace_id`, then `emailaddress`. */
export function upsertUsers(client: HaloClient, records: readonly HaloWrite[]): Promise<WriteResult<HaloUser>[]> {
  return upsert<HaloUser>(client, records, {
    path: '/api/Users',
    resource: 'users',
    normalize: normalizeUser,
    createKeys: [text('googleworkplace_id'), lowerText('emailaddress')],
  });
}

/** Agents (`POST /api/Agent`). Creates are matched back by the agent id field, then `email`. */
export function upsertAgents(client: HaloClient, records: readonly HaloWrite[], options: { agentIdField: string }): Promise<WriteResult<HaloAgent>[]> {
  return upsert<HaloAgent>(client, records, {
    path: '/api/Agent',
    resource: 'agents',
    normalize: (raw, index, origin) => normalizeAgent(raw, index, origin, options.agentIdField),
    createKeys: [text(options.agentIdField), lowerText('email')],
  });
}

/** CABs (`POST /api/CAB`), normally `{ id, members: [...] }` with the complete member list. */
export function upsertCabs(client: HaloClient, cabs: readonly HaloWrite[]): Promise<WriteResult<HaloCab>[]> {
  return upsert<HaloCab>(client, cabs, { path: '/api/CAB', resource: 'cabs', normalize: normalizeCab, createKeys: [lowerText('name')] });
}

/** Global settings (`POST /api/Control`): only the fields given. Safe to repeat, so it is retried. */
export async function updateControl(client: HaloClient, fields: Record<string, unknown>): Promise<WriteResult<HaloControl>> {
  try {
    const answer = await client.postJson('/api/Control', [fields], { idempotent: true });
    const saved = answer === null || answer === undefined ? { ...fields } : normalizeControl(answer, { method: 'POST', path: '/api/Control' });
    return { index: 0, ok: true, saved };
  } catch (error) {
    if (!(error instanceof HaloApiError)) throw error;
    // A 2xx whose answer we could not read: Halo saved it.
    if (error.status !== undefined && error.status >= 200 && error.status < 300) return { index: 0, ok: true, saved: { ...fields } };
    return { index: 0, ok: false, error, ambiguous: false };
  }
}
