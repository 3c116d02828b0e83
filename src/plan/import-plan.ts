/**
 * One import (users or agents) end to end: place every person (first mapping wins), match the
 * placed ones to Halo records, plan each record, then apply the lifecycle to managed records whose
 * person no mapping places any more.
 */
import type { ImportKind } from '../fields/halo-fields.js';
import type { ScopeRead } from '../model/directory.js';
import { newDraft, type ImportSpec, type ImportTrace, type PlanContext } from './context.js';
import { planCreate } from './create-plan.js';
import type { Person } from './directory-view.js';
import type { UncertainSource } from './holds.js';
import { resolveFields } from './fields.js';
import { keptNotes, outOfScopeReason, suspendedReason } from './lifecycle.js';
import { byId, indexRecords, linkedList, matchPerson, resolveClaims, type HaloRecord, type LinkedRecords, type MatchOutcome } from './match.js';
import { place, scopeMappings, traceMappings, type Placement } from './placement.js';
import { finishDeactivation, planPlaced } from './record-plan.js';
import { ambiguousMatch, duplicateLink, foreignId, lookupProblem } from './warnings.js';

export function importSpec(ctx: PlanContext, kind: ImportKind, reads: readonly ScopeRead[]): ImportSpec {
  const { config, halo } = ctx;
  const users = kind === 'users';
  const idField = users ? 'googleworkplace_id' : config.matching.agentIdField;
  const emailField = users ? 'emailaddress' : 'email';
  const records = (users ? halo.users : halo.agents) as unknown as HaloRecord[];
  return {
    kind,
    subject: users ? 'user' : 'agent',
    mappings: scopeMappings(config, ctx.view, reads, kind),
    records,
    index: indexRecords(records, idField, emailField),
    idField,
    emailField,
    statusField: users ? 'inactive' : 'isdisabled',
    matchKeys: config.matching[kind],
    fields: resolveFields(kind, config, ctx.refs, idField),
  };
}

function startTrace(ctx: PlanContext, spec: ImportSpec, person: Person, placement: Placement, linked: boolean): ImportTrace | undefined {
  if (ctx.traceIds.size === 0 || !ctx.traceIds.has(person.id)) return undefined;
  const trace: ImportTrace = {
    kind: spec.kind,
    mappings: traceMappings(person, spec.mappings, linked, ctx.view),
    placedBy: placement.mapping?.mapping.name ?? null,
    heldBy: placement.heldBy.map((m) => m.mapping.name),
    match: null, desired: [], roles: [], cabs: [], defaultRole: null, licence: null, lifecycle: [],
  };
  const list = ctx.traces.get(person.id) ?? [];
  list.push(trace);
  ctx.traces.set(person.id, list);
  return trace;
}

interface PlacedPerson {
  person: Person;
  email: string;
  placement: Placement;
  trace: ImportTrace | undefined;
  outcome: MatchOutcome;
}

export function planImport(ctx: PlanContext, spec: ImportSpec): void {
  if (spec.mappings.length === 0 && spec.index.linked.size === 0) return;
  const placed: PlacedPerson[] = [];
  for (const person of ctx.view.persons.values()) {
    const linked = spec.index.linked.get(person.id);
    if (linked) linked.seen = true;
    else if (spec.mappings.length === 0) continue;
    const placement = place(person, spec.mappings, linked !== undefined, ctx.view);
    const trace = startTrace(ctx, spec, person, placement, linked !== undefined);
    if (placement.mapping) {
      const entry: PlacedPerson = { person, email: person.email, placement, trace, outcome: matchPerson(person.user, spec.index, spec.matchKeys, linked) };
      // Only matches by key can claim the same record as another person's (resolveClaims): the
      // rest is planned now, so ~100k entries are not kept alive (and promoted by the GC) meanwhile.
      // Planning order is not observable: changes, warnings and writes are sorted afterwards.
      if (entry.outcome.kind === 'matched') placed.push(entry);
      else planPlacedPerson(ctx, spec, entry);
    } else if (linked) {
      planLinkedUnplaced(ctx, spec, person.id, linked, person, { placement, trace });
    }
  }
  resolveClaims(placed);
  for (const entry of placed) planPlacedPerson(ctx, spec, entry);
  // Linked records whose person no read returned and no lookup found (nobody above saw their id).
  spec.index.linked.forEach((linked, googleId) => {
    if (!linked.seen) planLinkedUnplaced(ctx, spec, googleId, linked, undefined, undefined);
  });
}

function planPlacedPerson(ctx: PlanContext, spec: ImportSpec, { person, placement, trace, outcome }: PlacedPerson): void {
  const label = spec.subject;
  const note = (how: NonNullable<ImportTrace['match']>['how'], haloId: number | null, detail: string) => {
    if (trace) trace.match = { how, haloId, detail };
  };
  switch (outcome.kind) {
    case 'duplicate-link':
      ctx.warnings.push(duplicateLink(spec.kind, person.email, person.id, spec.idField, outcome.records));
      note('duplicate-link', null, `${outcome.records.length} Halo ${label}s carry this Google id: skipped`);
      return;
    case 'ambiguous':
      ctx.warnings.push(ambiguousMatch(spec.kind, person.email, person.id, outcome));
      note('ambiguous', null, `ambiguous ${outcome.key} match (Halo ${label}s ${outcome.candidates.map((r) => `#${r.id}`).join(', ')}${outcome.claimedWith ? `, also the only match of ${outcome.claimedWith.join(', ')}` : ''}): skipped`);
      return;
    case 'foreign':
      ctx.warnings.push(foreignId(spec.kind, person.email, person.id, spec.idField, outcome));
      note('foreign-id', outcome.record.id, `matches Halo ${label} #${outcome.record.id} by ${outcome.key}, but its ${spec.idField} belongs to another integration: skipped`);
      return;
    case 'none': {
      const draft = planCreate(ctx, spec, person, placement, outcome.tried, trace);
      if (draft) ctx.drafts.push(draft);
      return;
    }
    case 'id':
    case 'matched': {
      // The detail text only when tracing: this runs for nearly everyone.
      if (trace) {
        note(outcome.kind === 'id' ? 'id' : outcome.key, outcome.record.id, outcome.kind === 'id'
          ? `Halo ${label} #${outcome.record.id} carries this Google id in ${spec.idField}`
          : `Halo ${label} #${outcome.record.id} matches by ${outcome.key} and has no Google id yet: linked in this plan`);
      }
      const draft = planPlaced(ctx, spec, person, placement, outcome, trace);
      if (trace) trace.lifecycle = keptNotes(person.user, true, ctx.config);
      if (draft.changes.length > 0) ctx.drafts.push(draft);
    }
  }
}

function planLinkedUnplaced(
  ctx: PlanContext,
  spec: ImportSpec,
  googleId: string,
  linked: LinkedRecords,
  person: Person | undefined,
  state: { placement: Placement; trace: ImportTrace | undefined } | undefined,
): void {
  if (linked.more !== null) {
    const records = linkedList(linked);
    ctx.warnings.push(duplicateLink(spec.kind, person?.email, googleId, spec.idField, byId(records)));
    if (state?.trace) state.trace.match = { how: 'duplicate-link', haloId: null, detail: `${records.length} Halo ${spec.subject}s carry this Google id: skipped` };
    return;
  }
  planUnplaced(ctx, spec, googleId, linked.first, person, state);
}

/** A managed record whose person no mapping of this import places: the lifecycle policies decide. */
function planUnplaced(
  ctx: PlanContext,
  spec: ImportSpec,
  googleId: string,
  record: HaloRecord,
  person: Person | undefined,
  state: { placement: Placement; trace: ImportTrace | undefined } | undefined,
): void {
  const { config } = ctx;
  const email = person?.email ?? (typeof record[spec.emailField] === 'string' ? String(record[spec.emailField]).trim() : '');
  const draft = newDraft(spec, googleId, email, record, null);
  const reasons: string[] = [];
  const mayDeactivate = config.lifecycle.outOfScope === 'deactivate' || config.lifecycle.suspended === 'deactivate';
  // Incomplete reads this person's fate depends on: then nobody is deactivated (finishDeactivation).
  let uncertain: UncertainSource[] = [];
  if (person && state) {
    uncertain = [
      ...state.placement.heldBy.flatMap((m) => m.readSources),
      ...person.readSources,
    ];
    const suspended = suspendedReason(person.user, config);
    if (suspended) reasons.push(suspended);
    const outOfScope = outOfScopeReason(spec.kind, config, false);
    const held = outOfScope !== null && state.placement.heldBy.length > 0;
    if (held && reasons.length === 0 && record[spec.statusField] !== true) {
      ctx.holds.hold(state.placement.heldBy.flatMap((m) => [...m.readSources, ...m.groupSources]), 'deactivation', email);
    } else if (outOfScope && !held) reasons.push(outOfScope);
    if (state.trace) {
      state.trace.match = { how: 'id', haloId: record.id, detail: `Halo ${spec.subject} #${record.id} carries this Google id in ${spec.idField}` };
      state.trace.lifecycle = [...reasons, ...keptNotes(person.user, false, config)];
      if (held) state.trace.lifecycle.push('in no mapping that was read completely, but an incompletely read mapping might hold them: not deactivated as out of scope');
    }
  } else {
    const lookup = ctx.view.lookups.get(googleId);
    if (lookup?.status === 'notFound') {
      const gone = outOfScopeReason(spec.kind, config, true);
      if (gone) reasons.push(gone);
      // Deleted, as far as users.get can tell; but while a read that could have held them did not
      // complete (a customer refusing may answer "not found" too), nobody is deactivated as deleted.
      // A user's Halo site names the mapping they came from; otherwise any mapping of the import could.
      const bySite = spec.mappings.filter((m) => spec.kind === 'users' && ctx.refs.siteByMapping.get(m.mapping.name)?.id === Number(record.site_id));
      uncertain = (bySite.length > 0 ? bySite : spec.mappings).flatMap((m) => m.readSources);
    } else if (mayDeactivate && record[spec.statusField] !== true) {
      ctx.warnings.push(lookupProblem(spec.kind, email || undefined, googleId, record.id, lookup ? (lookup.error ?? 'unknown error') : null));
    }
  }
  finishDeactivation(ctx, spec, draft, record, reasons, [...new Set(uncertain)]);
  if (draft.changes.length > 0) ctx.drafts.push(draft);
}
