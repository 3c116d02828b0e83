/**
 * Plans one existing Halo record whose person a mapping places (linked by id, or linked in this
 * plan by a match): link, field updates, site move, reactivation, roles, CABs, licence and the
 * suspended policy, all at once.
 */
import { planAgentAccess, type AgentAccess } from './agent-access.js';
import { change, isInactive, newDraft, type ImportSpec, type ImportTrace, type PlanContext, type RecordDraft } from './context.js';
import type { Person } from './directory-view.js';
import { desiredValues, diffRecord, writeFields } from './fields.js';
import { licenceReason, suspendedReason, switchedOff } from './lifecycle.js';
import type { HaloRecord, MatchOutcome } from './match.js';
import type { UncertainSource } from './holds.js';
import type { Placement } from './placement.js';
import { foldEmail, listText } from './text.js';
import type { FieldChange } from './types.js';
import { comparable, toFieldValue } from './values.js';
import { placementUncertain, protectedAgent } from './warnings.js';

const NONE: readonly UncertainSource[] = [];
const NO_REASONS: readonly string[] = [];

export function isProtectedAgent(ctx: PlanContext, spec: ImportSpec, email: string, record: HaloRecord | null): boolean {
  if (spec.kind !== 'agents' || ctx.refs.protectedEmails.size === 0) return false;
  return ctx.refs.protectedEmails.has(foldEmail(email)) || (record !== null && ctx.refs.protectedEmails.has(foldEmail(record.email)));
}

/**
 * Adds the deactivate change unless the record is off already or the agent is protected. A read
 * that did not complete deactivates nobody (DESIGN "Lifecycle"): when `uncertain` names incomplete
 * reads the person's fate depends on, the deactivation is held back and reported instead, whatever
 * its reason (suspended, out of scope, deleted, licence); the next complete run makes it.
 */
export function finishDeactivation(ctx: PlanContext, spec: ImportSpec, draft: RecordDraft, record: HaloRecord, reasons: readonly string[], uncertain: readonly UncertainSource[] = []): void {
  if (reasons.length === 0 || isInactive(record, spec)) return;
  if (uncertain.length > 0) {
    ctx.holds.hold(uncertain, 'deactivation', draft.email || `Halo ${spec.subject} #${record.id}`);
    return;
  }
  if (isProtectedAgent(ctx, spec, draft.email, record)) {
    ctx.warnings.push(protectedAgent(draft.email, draft.googleId, `deactivation (${reasons.join('; ')})`));
    return;
  }
  change(draft, 'deactivate', reasons.join('; '), { fields: [{ field: spec.statusField, before: false, after: true }] });
}

function siteLabel(ctx: PlanContext, record: HaloRecord): string | null {
  if (typeof record.site_name === 'string' && record.site_name.trim() !== '') return record.site_name;
  const id = Number(record.site_id);
  if (record.site_id === null || record.site_id === undefined || !Number.isFinite(id)) return null;
  return ctx.siteNames.get(id) ?? `#${id}`;
}

function heldSources(placement: Placement) {
  return placement.heldBy.flatMap((m) => [...m.readSources, ...m.groupSources]);
}

export function planPlaced(
  ctx: PlanContext,
  spec: ImportSpec,
  person: Person,
  placement: Placement,
  outcome: Extract<MatchOutcome, { kind: 'id' | 'matched' }>,
  trace: ImportTrace | undefined,
): RecordDraft {
  const mapping = placement.mapping!;
  const record = outcome.record;
  const draft = newDraft(spec, person.id, person.email, record, mapping.mapping.name);

  if (outcome.kind === 'matched') {
    const value = outcome.key === 'email' ? String(record[spec.emailField] ?? '').trim() : String(record.name ?? '').trim();
    change(draft, 'link', `matched by ${outcome.key} (${value}) to Halo ${spec.subject} #${record.id}, which has no Google id yet; links it to this person`, {
      fields: [{ field: spec.idField, before: comparable(record[spec.idField], false) === null ? null : toFieldValue(record[spec.idField]), after: person.id }],
    });
    draft.body[spec.idField] = person.id;
  }

  const fieldChanges = diffRecord(record, person.user, spec.fields);
  writeFields(draft.body, fieldChanges);
  // Lists only for records that change (most do not).
  let fields: FieldChange[] | null = fieldChanges.length === 0 ? null : fieldChanges.map(({ field, before, after }) => ({ field, before, after }));
  let moved = false;
  const site = spec.kind === 'users' ? ctx.refs.siteByMapping.get(mapping.mapping.name) : undefined;
  if (site && Number(record.site_id) !== site.id) {
    if (placement.heldBy.length > 0) {
      ctx.holds.hold(heldSources(placement), 'site move', person.email);
      ctx.warnings.push(placementUncertain(person.email, person.id, `move to site "${site.name}"`, placement.heldBy.map((m) => m.mapping.name)));
    } else {
      (fields ??= []).push({ field: 'site', before: siteLabel(ctx, record), after: site.name });
      draft.body.site_id = site.id;
      moved = true;
    }
  }
  if (fields !== null) {
    const parts: string[] = [];
    if (fieldChanges.length > 0) parts.push(`Google values differ for ${listText(fieldChanges.map((f) => f.field))}`);
    if (moved) parts.push(`mapping "${mapping.mapping.name}" places them in site ${site?.name}`);
    change(draft, 'update', `${parts.join('; ')}${moved ? '' : ` (mapping "${mapping.mapping.name}")`}`, { fields });
  }

  let access: AgentAccess | null = null;
  const isProtected = isProtectedAgent(ctx, spec, person.email, record);
  if (spec.kind === 'agents') {
    access = planAgentAccess(ctx, person, record, undefined, isProtected);
    planAccessChanges(ctx, draft, access);
  }

  const off = switchedOff(person.user);
  const licensed = access?.licence?.active ?? true;
  let reasons: string[] | null = null;
  const suspended = suspendedReason(person.user, ctx.config);
  if (suspended) (reasons ??= []).push(suspended);
  if (access?.licence && !access.licence.active) {
    if (access.licence.uncertain.length === 0) (reasons ??= []).push(licenceReason(ctx.activeRoleNames));
    else if (reasons === null && !isInactive(record, spec)) ctx.holds.hold(access.licence.uncertain, 'licence deactivation', person.email);
  }
  // The incomplete reads the person's fate depends on (none, nearly always: no list to build).
  const incompleteReads = mapping.readSources.length === 0 && person.readSources.length === 0
    ? NONE
    : [...new Set([...mapping.readSources, ...person.readSources])];
  finishDeactivation(ctx, spec, draft, record, reasons ?? NO_REASONS, incompleteReads);

  if (isInactive(record, spec) && off === null && licensed) {
    const holding = access?.licence?.holding ?? [];
    const licence = access?.licence ? `; holds licensed role${holding.length > 1 ? 's' : ''} ${listText(holding)}` : '';
    const state = spec.kind === 'users' ? 'inactive' : 'disabled';
    change(draft, 'reactivate', `${state} in Halo, but in mapping "${mapping.mapping.name}" and active in Google${licence}`, {
      fields: [{ field: spec.statusField, before: true, after: false }],
    });
    draft.body[spec.statusField] = false;
  }

  if (trace) {
    trace.desired = desiredValues(person.user, spec.fields).map((d) => ({ field: d.field.display, from: d.field.from, value: d.value }));
    if (access) {
      trace.roles = access.roleTraces;
      trace.cabs = access.cabTraces;
      if (access.licence) trace.licence = { active: access.licence.active, holding: access.licence.holding, activeRoles: ctx.activeRoleNames, note: licenceNote(access) };
    }
  }
  return draft;
}

export function licenceNote(access: AgentAccess): string {
  const licence = access.licence;
  if (!licence) return 'licence management is off';
  if (licence.active) return `licensed: holds ${listText(licence.holding)}`;
  return licence.uncertain.length > 0
    ? 'holds no licensed role, but a group that could grant one was not read whole: not deactivated'
    : 'holds no licensed role: deactivated';
}

/** The roles and CABs changes of an existing agent, and what protected agents were spared. */
export function planAccessChanges(ctx: PlanContext, draft: RecordDraft, access: AgentAccess): void {
  const names = (items: ReadonlyArray<{ name: string }>) => items.map((i) => i.name).sort();
  if (access.protectedRoles.length > 0) {
    ctx.warnings.push(protectedAgent(draft.email, draft.googleId, `removal of role${access.protectedRoles.length > 1 ? 's' : ''} ${listText(names(access.protectedRoles))}`));
  }
  if (access.roleAdd.length > 0 || access.roleRemove.length > 0) {
    change(draft, 'roles', access.roleReason, { roles: { add: names(access.roleAdd), remove: names(access.roleRemove) } });
    draft.roleIds = { current: access.currentRoleIds, add: access.roleAdd.map((r) => r.id), remove: access.roleRemove.map((r) => r.id) };
  }
  if (access.cabAdd.length > 0 || access.cabRemove.length > 0) {
    change(draft, 'cabs', access.cabReason, { cabs: { add: names(access.cabAdd), remove: names(access.cabRemove) } });
    draft.cabIds = { add: access.cabAdd.map((c) => String(c.id)), remove: access.cabRemove.map((c) => String(c.id)) };
  }
}
