/**
 * Plans a new Halo record for a person a mapping places and nothing in Halo matched. Suspended
 * people are never created; nor is anyone an earlier, incompletely read mapping might place first.
 * New agents get the mapping's default role and their group roles in the create itself, their CAB
 * seats as a separate change, and are created disabled when licence management finds no licensed
 * role among them.
 */
import { planAgentAccess } from './agent-access.js';
import { change, newDraft, type ImportSpec, type ImportTrace, type PlanContext, type RecordDraft } from './context.js';
import type { Person } from './directory-view.js';
import { createFields, desiredValues, writeFields } from './fields.js';
import { licenceReason, switchedOff } from './lifecycle.js';
import type { MatchKey } from '../config/types.js';
import type { Placement } from './placement.js';
import { licenceNote } from './record-plan.js';
import { listText } from './text.js';
import type { FieldChange } from './types.js';
import { placementUncertain } from './warnings.js';

export function planCreate(
  ctx: PlanContext,
  spec: ImportSpec,
  person: Person,
  placement: Placement,
  tried: readonly MatchKey[],
  trace: ImportTrace | undefined,
): RecordDraft | null {
  const mapping = placement.mapping!.mapping;
  const off = switchedOff(person.user);
  if (trace) trace.desired = desiredValues(person.user, spec.fields).map((d) => ({ field: d.field.display, from: d.field.from, value: d.value }));
  if (off !== null) {
    if (trace) trace.match = { how: 'not-created', haloId: null, detail: `${off} in Google: no Halo ${spec.subject} is created for them` };
    return null;
  }
  if (placement.heldBy.length > 0) {
    ctx.holds.hold(placement.heldBy.flatMap((m) => [...m.readSources, ...m.groupSources]), 'creation', person.email);
    ctx.warnings.push(placementUncertain(person.email, person.id, `creation of a Halo ${spec.subject}`, placement.heldBy.map((m) => m.mapping.name)));
    if (trace) trace.match = { how: 'not-created', haloId: null, detail: 'creation held back: an earlier mapping could not be read completely' };
    return null;
  }

  const draft = newDraft(spec, person.id, person.email, null, mapping.name);
  const fieldChanges = createFields(person.user, spec.fields);
  writeFields(draft.body, fieldChanges);
  const fields: FieldChange[] = fieldChanges.map(({ field, before, after }) => ({ field, before, after }));
  const site = ctx.refs.siteByMapping.get(mapping.name);
  if (spec.kind === 'users' && site) {
    fields.push({ field: 'site', before: null, after: site.name });
    draft.body.site_id = site.id;
  }
  fields.push({ field: spec.idField, before: null, after: person.id });
  draft.body[spec.idField] = person.id;

  const keys = listText(['Google id', ...tried], 'or');
  let reason = `in mapping "${mapping.name}"; no Halo ${spec.subject} matches by ${keys}`;
  let roles: string[] = [];
  if (spec.kind === 'agents') {
    const defaultRole = mapping.defaultRole !== undefined ? ctx.refs.roleByName.get(mapping.defaultRole) : undefined;
    const access = planAgentAccess(ctx, person, null, defaultRole, false);
    const granted = [...(defaultRole ? [defaultRole] : []), ...access.roleAdd.filter((r) => r.id !== defaultRole?.id)];
    roles = granted.map((r) => r.name).sort();
    if (granted.length > 0) draft.body.roles = granted.map((r) => ({ id: r.id }));
    if (defaultRole) reason += `; default role ${defaultRole.name}`;
    if (access.roleAdd.length > 0) reason += `; ${access.roleReason}`;
    if (access.licence && !access.licence.active) {
      fields.push({ field: 'isdisabled', before: null, after: true });
      draft.body.isdisabled = true;
      reason += `; created disabled: ${licenceReason(ctx.activeRoleNames)}`;
    }
    if (access.cabAdd.length > 0) {
      const add = access.cabAdd.map((c) => c.name).sort();
      change(draft, 'cabs', `new agent; ${access.cabReason}`, { cabs: { add, remove: [] } });
      draft.cabIds = { add: access.cabAdd.map((c) => String(c.id)), remove: [] };
    }
    if (trace) {
      trace.defaultRole = defaultRole?.name ?? null;
      trace.roles = access.roleTraces;
      trace.cabs = access.cabTraces;
      if (access.licence) trace.licence = { active: access.licence.active, holding: access.licence.holding, activeRoles: ctx.activeRoleNames, note: access.licence.active ? licenceNote(access) : 'holds no licensed role: created disabled' };
    }
  }
  change(draft, 'create', reason, { fields, roles: { add: roles, remove: [] } });
  if (trace) trace.match = { how: 'create', haloId: null, detail: `no Halo ${spec.subject} matches by ${keys}: a new one is created` };
  return draft;
}
