/**
 * Lifecycle reasons: the sentences a reviewer reads next to a deactivation. Only records that carry
 * halo-sync's ownership mark (a Google id, possibly set by a link in this same plan) ever get here.
 */
import type { Config } from '../config/types.js';
import type { ImportKind } from '../fields/halo-fields.js';
import type { DirectoryUser } from '../model/directory.js';
import { listText } from './text.js';

/** 'suspended' / 'archived' when Google has switched the person off, else null. */
export function switchedOff(user: DirectoryUser): 'suspended' | 'archived' | null {
  if (user.suspended === true) return 'suspended';
  if (user.archived === true) return 'archived';
  return null;
}

export function suspendedReason(user: DirectoryUser, config: Config): string | null {
  const state = switchedOff(user);
  if (state === null || config.lifecycle.suspended !== 'deactivate') return null;
  return `${state} in Google; lifecycle.suspended is deactivate`;
}

export function outOfScopeReason(kind: ImportKind, config: Config, gone: boolean): string | null {
  if (config.lifecycle.outOfScope !== 'deactivate') return null;
  return gone
    ? 'deleted from Google (users.get found no such user); lifecycle.outOfScope is deactivate'
    : `in no ${kind === 'users' ? 'users (site)' : 'agents'} mapping any more; lifecycle.outOfScope is deactivate`;
}

export function licenceReason(activeRoleNames: readonly string[]): string {
  if (activeRoleNames.length === 0) return 'licence: licence.activeRoles names no role, so no agent can stay active';
  return `licence: holds none of ${listText(activeRoleNames)} (licence.activeRoles) after the role rules`;
}

/** Notes for explain when a policy says keep. */
export function keptNotes(user: DirectoryUser | null, placed: boolean, config: Config): string[] {
  const notes: string[] = [];
  const state = user ? switchedOff(user) : null;
  if (state && config.lifecycle.suspended === 'keep') notes.push(`${state} in Google; lifecycle.suspended is keep: the record is left as it is`);
  if (!placed && config.lifecycle.outOfScope === 'keep') notes.push('in no mapping of this import; lifecycle.outOfScope is keep: the record is left as it is');
  return notes;
}
