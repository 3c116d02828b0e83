/**
 * How apply writes and finds one kind of person record (end users or agents) through the Halo
 * client, and how an operation on such a record is described.
 */
import type { HaloAgent, HaloUser } from '../model/halo.js';
import { findAgentsByGoogleIdOrEmail, findUsersByGoogleIdOrEmail, upsertAgents, upsertUsers, type HaloWrite, type WriteResult } from '../halo/index.js';
import type { RecordWrite } from '../plan/types.js';
import type { OperationDraft, RunState } from './run-state.js';
import type { Phase } from './types.js';

type Person = HaloUser | HaloAgent;

/** How to write and find one kind of record. */
export interface RecordKind {
  subject: 'user' | 'agent';
  endpoint: string;
  upsert(records: readonly HaloWrite[]): Promise<WriteResult<Person>[]>;
  find(keys: ReadonlyArray<{ googleId: string; email: string }>): Promise<Person[][]>;
  /** The Google id Halo holds for a record (the field halo-sync links by). */
  googleIdOf(record: Person): string | undefined;
}

export function recordKind(run: RunState, subject: 'user' | 'agent'): RecordKind {
  const { client, agentIdField } = run;
  const field = subject === 'user' ? 'googleworkplace_id' : agentIdField;
  return {
    subject,
    endpoint: subject === 'user' ? 'POST /api/Users' : 'POST /api/Agent',
    upsert: (records) => (subject === 'user' ? upsertUsers(client, records) : upsertAgents(client, records, { agentIdField })),
    find: (keys) => (subject === 'user' ? findUsersByGoogleIdOrEmail(client, keys) : findAgentsByGoogleIdOrEmail(client, keys, { agentIdField })),
    googleIdOf: (record) => {
      const value = record[field];
      return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
    },
  };
}

export function recordDraft(phase: Phase, subject: 'user' | 'agent', write: RecordWrite, kind: OperationDraft['kind']): OperationDraft {
  return { phase, kind, subject, changes: [...write.changes], email: write.email, googleId: write.googleId, haloId: write.haloId ?? null };
}
