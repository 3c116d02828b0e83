/**
 * Plan warnings: stable codes (consumers key on them) and one-sentence messages that say what
 * halo-sync did NOT do and why. Codes:
 *   ambiguous-match      several Halo records could be this person: skipped, never guessed
 *   foreign-id           the matching record carries another integration's id: skipped
 *   duplicate-link       several Halo records carry the same Google id: skipped
 *   placement-uncertain  an earlier mapping's read was incomplete: no create / site move
 *   incomplete-read      a read or group did not come back whole (see holds.ts)
 *   group-not-found      a group named by a filter or rule does not exist in Google
 *   lookup-failed        a direct users.get of a linked person failed: nothing done to them
 *   not-looked-up        a linked person no read returned was not looked up: nothing done to them
 *   protected-agent      safety.protectedAgents held back a deactivation or role removal
 *   two-writers          Halo's own Google Workspace integrator is on
 *   auto-redirect-held   Google sign-in auto-redirect waits until sign-in is enabled
 */
import type { ImportKind } from '../fields/halo-fields.js';
import type { HaloRecord, MatchOutcome } from './match.js';
import type { PlanWarning } from './types.js';
import { listText } from './text.js';

export function recordLabel(kind: ImportKind): 'user' | 'agent' {
  return kind === 'users' ? 'user' : 'agent';
}

function who(record: HaloRecord): string {
  const name = typeof record.name === 'string' && record.name.trim() !== '' ? ` (${record.name.trim()})` : '';
  return `#${record.id}${name}`;
}

export function ambiguousMatch(kind: ImportKind, email: string, googleId: string, outcome: Extract<MatchOutcome, { kind: 'ambiguous' }>): PlanWarning {
  const label = recordLabel(kind);
  const ids = outcome.candidates.map(who);
  const message = outcome.claimedWith
    ? `${email}: Halo ${label} ${ids.join(', ')} is the only ${outcome.key} match for ${email} and also for ${listText(outcome.claimedWith)}; skipped all of them (no link, no create). Set ${label === 'user' ? 'googleworkplace_id' : 'the id field'} on the right record or fix the duplicate in Halo.`
    : `${email}: ${ids.length} Halo ${label}s match by ${outcome.key} (${ids.join(', ')}); skipped (no link, no create). Remove the duplicate in Halo or link the right record by hand.`;
  return { code: 'ambiguous-match', message, email, googleId };
}

export function foreignId(kind: ImportKind, email: string, googleId: string, idField: string, outcome: Extract<MatchOutcome, { kind: 'foreign' }>): PlanWarning {
  return {
    code: 'foreign-id',
    message: `${email}: Halo ${recordLabel(kind)} ${who(outcome.record)} matches by ${outcome.key} but its ${idField} holds "${outcome.value}", which is not a Google user id (another integration owns it); skipped: no link, and no create (that would duplicate the record).`,
    email,
    googleId,
  };
}

export function duplicateLink(kind: ImportKind, email: string | undefined, googleId: string, idField: string, records: HaloRecord[]): PlanWarning {
  return {
    code: 'duplicate-link',
    message: `${email ?? `Google id ${googleId}`}: ${records.length} Halo ${recordLabel(kind)}s carry Google id ${googleId} in ${idField} (${records.map(who).join(', ')}); none of them is touched until only one does.`,
    ...(email ? { email } : {}),
    googleId,
  };
}

export function placementUncertain(email: string, googleId: string, what: string, mappings: readonly string[]): PlanWarning {
  return {
    code: 'placement-uncertain',
    message: `${email}: ${what} held back: earlier mapping${mappings.length > 1 ? 's' : ''} ${listText(mappings.map((m) => `"${m}"`))} could not be read completely and might place them first (first mapping wins).`,
    email,
    googleId,
  };
}

export function lookupProblem(kind: ImportKind, email: string | undefined, googleId: string, haloId: number, error: string | null): PlanWarning {
  const subject = `${email ?? `Google id ${googleId}`} (Halo ${recordLabel(kind)} #${haloId})`;
  return error === null
    ? { code: 'not-looked-up', message: `${subject}: no directory read returned this linked person and they were not looked up with users.get; nothing is done to them in this plan.`, ...(email ? { email } : {}), googleId }
    : { code: 'lookup-failed', message: `${subject}: no read returned them and looking them up failed (${error}); they are not treated as gone, nothing is done to them in this plan.`, ...(email ? { email } : {}), googleId };
}

export function protectedAgent(email: string, googleId: string, what: string): PlanWarning {
  return { code: 'protected-agent', message: `${email} is a protected agent (safety.protectedAgents): held back ${what}.`, email, googleId };
}

export function twoWriters(): PlanWarning {
  return {
    code: 'two-writers',
    message: "Halo's own Google Workspace integrator is switched on (Control.halointegrator_googleworkplace): it and halo-sync would both edit the same people and undo each other's changes. Switch it off in Halo (Configuration › Integrations › Google Workspace) once halo-sync is in charge.",
  };
}

export function autoRedirectHeld(reason: string): PlanWarning {
  return {
    code: 'auto-redirect-held',
    message: `signIn.autoRedirect is held back: ${reason}. Enable sign-in, confirm it works, and the next run turns on auto-redirect.`,
  };
}
