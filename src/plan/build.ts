/**
 * buildPlan: (config, Google snapshot, Halo snapshot) → the plan, its warnings, its safety verdict
 * and the writes that carry it out. Pure and synchronous; same inputs give a byte-identical plan.
 *
 * Pipeline: Halo references → directory view (people, uncertain reads) → per import: placement →
 * matching → record plans (fields, site, roles/CABs, licence, lifecycle) → sign-in settings →
 * held-back warnings → order and summary → safety → writes → digests.
 */
import type { LoadedConfig } from '../config/types.js';
import { hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { DirectorySnapshot } from '../model/directory.js';
import type { HaloSnapshot } from '../model/halo.js';
import { buildAccessRules } from './access-rules.js';
import type { ImportTrace, PlanContext } from './context.js';
import { configDigest, snapshotDigest } from './digest.js';
import { buildDirectoryView } from './directory-view.js';
import { HoldLedger } from './holds.js';
import { importSpec, planImport } from './import-plan.js';
import { compareWarnings, sortChanges, summarise } from './order.js';
import { resolveReferences } from './references.js';
import { safetyVerdict } from './safety.js';
import { planSignIn } from './sign-in-settings.js';
import type { Change, Plan, PlannedWrites, PlanWarning } from './types.js';
import { twoWriters } from './warnings.js';
import { plannedWrites } from './writes.js';

export type PlanOutcome =
  | { ok: true; plan: Plan; writes: PlannedWrites; diagnostics: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[] };

/** A plan plus, for explain, what each traced person's imports decided. */
export type Analysis =
  | { ok: true; plan: Plan; writes: PlannedWrites; diagnostics: Diagnostic[]; traces: Map<string, ImportTrace[]> }
  | { ok: false; diagnostics: Diagnostic[] };

export function buildPlan(loaded: LoadedConfig, directory: DirectorySnapshot, halo: HaloSnapshot): PlanOutcome {
  const analysis = analyse(loaded, directory, halo, new Set());
  if (!analysis.ok) return analysis;
  return { ok: true, plan: analysis.plan, writes: analysis.writes, diagnostics: analysis.diagnostics };
}

function dedupe(warnings: PlanWarning[]): PlanWarning[] {
  const seen = new Set<string>();
  return warnings.filter((w) => {
    const key = `${w.code}\u0000${w.email ?? ''}\u0000${w.googleId ?? ''}\u0000${w.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function analyse(loaded: LoadedConfig, directory: DirectorySnapshot, halo: HaloSnapshot, traceIds: ReadonlySet<string>): Analysis {
  const { config } = loaded;
  const references = resolveReferences(loaded, halo);
  const diagnostics = sortDiagnostics(references.diagnostics);
  if (hasErrors(diagnostics)) return { ok: false, diagnostics };

  const view = buildDirectoryView(config, directory);
  const refs = references.refs;
  const activeRoles = config.licence.activeRoles.map((name) => refs.roleByName.get(name)).filter((r) => r !== undefined);
  const cabAgents = new Map(halo.cabs.map((cab) => [
    String(cab.id),
    new Set((cab.members ?? []).map((m) => Number(m.agent_id)).filter((id) => Number.isFinite(id) && id > 0)),
  ]));
  const ctx: PlanContext = {
    config, halo, view, refs,
    access: buildAccessRules(config, refs, view),
    activeRoleIds: new Set(activeRoles.map((r) => r.id)),
    activeRoleNames: [...new Set(activeRoles.map((r) => r.name))],
    siteNames: new Map(halo.sites.map((s) => [s.id, s.name])),
    cabAgents,
    holds: new HoldLedger(),
    warnings: [],
    drafts: [],
    traceIds,
    traces: new Map(),
  };

  if (halo.control.halointegrator_googleworkplace === true) ctx.warnings.push(twoWriters());
  const signIn = planSignIn(config, halo.control);
  ctx.warnings.push(...signIn.warnings);
  const settingsChange: Change | null = signIn.fields.length === 0 ? null : {
    subject: 'settings', action: 'settings', googleId: null, email: null, haloId: null, mapping: null,
    reason: `signIn differs from Halo's Google Sign-In settings (Control): ${signIn.fields.map((f) => f.field).join(', ')}`,
    fields: signIn.fields, roles: { add: [], remove: [] }, cabs: { add: [], remove: [] },
  };

  let managed = 0;
  for (const kind of ['users', 'agents'] as const) {
    const spec = importSpec(ctx, kind, directory.reads);
    managed += spec.index.managed;
    planImport(ctx, spec);
  }
  ctx.warnings.push(...ctx.holds.warnings(view.sources.values()));

  const changes: Change[] = [];
  for (const draft of ctx.drafts) for (const c of draft.changes) changes.push(c);
  if (settingsChange) changes.push(settingsChange);
  sortChanges(changes);
  const indexOf = new Map<Change, number>();
  for (let i = 0; i < changes.length; i++) {
    const c = changes[i] as Change;
    indexOf.set(c, i);
    if (c.action === 'link') managed += 1;
  }

  const plan: Plan = {
    formatVersion: 1,
    configDigest: configDigest(config),
    snapshotDigest: snapshotDigest(directory, halo),
    summary: summarise(changes),
    changes,
    warnings: dedupe(ctx.warnings).sort(compareWarnings),
    safety: safetyVerdict(config, changes, managed),
  };
  // Drafts in the order of their first change (looked up once per draft, not per comparison).
  const drafts = ctx.drafts
    .map((draft) => ({ draft, first: indexOf.get(draft.changes[0]!) ?? 0 }))
    .sort((a, b) => a.first - b.first)
    .map((d) => d.draft);
  const writes = plannedWrites(drafts, indexOf, settingsChange ? { body: signIn.body, change: settingsChange } : null, halo);
  return { ok: true, plan, writes, diagnostics, traces: ctx.traces };
}
