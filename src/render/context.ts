/**
 * What renderers know beyond the plan itself, and how they group a plan's changes for reading:
 * by import (users, agents, settings) and, within an import, by the mapping that placed people
 * (a users mapping names its Halo site). Sections follow the config file's mapping order; the
 * changes inside a section keep the plan's own deterministic order.
 */
import type { Config } from '../config/types.js';
import type { Change, ChangeSubject } from '../plan/types.js';

export interface RenderContext {
  /** Mapping name → where it places people, for grouping by import and site. */
  mappings: Array<{ name: string; site?: string; agent?: boolean }>;
  /** The config file the plan came from, shown in headers. */
  configFile?: string;
}

/** The context for a loaded config: its mappings in file order, and the file name for headers. */
export function renderContext(config: Pick<Config, 'mappings'>, configFile?: string): RenderContext {
  const mappings = config.mappings.map((m) => ({
    name: m.name,
    ...(m.site !== undefined ? { site: m.site } : {}),
    ...(m.agent !== undefined ? { agent: m.agent } : {}),
  }));
  return configFile !== undefined ? { mappings, configFile } : { mappings };
}

export type SectionKind = 'users' | 'agents' | 'settings';

export interface ChangeSection {
  kind: SectionKind;
  /** The mapping that placed these people; null for settings and for people no mapping places. */
  mapping: string | null;
  /** The Halo site of a users mapping, when the context knows it. */
  site: string | null;
  changes: Change[];
  /** Positions of `changes` in `plan.changes` (stable references for cut notes and comparisons). */
  indexes: number[];
}

const KIND_OF: Record<ChangeSubject, SectionKind> = { user: 'users', agent: 'agents', settings: 'settings' };

export const SECTION_KINDS: readonly SectionKind[] = ['users', 'agents', 'settings'];

export const KIND_TITLES: Record<SectionKind, string> = { users: 'Users', agents: 'Agents', settings: 'Settings' };

/** Groups changes into sections: users, then agents, then settings; mappings in config order. */
export function groupChanges(changes: readonly Change[], ctx: RenderContext): ChangeSection[] {
  const order = new Map<string, number>();
  ctx.mappings.forEach((m, i) => order.set(m.name, i));
  const siteOf = new Map<string, string>();
  for (const m of ctx.mappings) if (m.site !== undefined) siteOf.set(m.name, m.site);

  const byKey = new Map<string, ChangeSection>();
  const firstSeen = new Map<string, number>();
  changes.forEach((change, index) => {
    const kind = KIND_OF[change.subject] ?? 'settings';
    const mapping = kind === 'settings' ? null : change.mapping;
    const key = `${kind}\u0000${mapping ?? ''}`;
    let section = byKey.get(key);
    if (!section) {
      section = { kind, mapping, site: mapping !== null && kind === 'users' ? siteOf.get(mapping) ?? null : null, changes: [], indexes: [] };
      byKey.set(key, section);
      firstSeen.set(key, index);
    }
    section.changes.push(change);
    section.indexes.push(index);
  });

  // Known mappings in file order, then mappings the context does not know (in plan order), then
  // the people no mapping places (lifecycle of people who left every mapping).
  const rank = (key: string, section: ChangeSection): [number, number, number] => [
    SECTION_KINDS.indexOf(section.kind),
    section.mapping === null ? 2 : order.has(section.mapping) ? 0 : 1,
    section.mapping !== null && order.has(section.mapping) ? order.get(section.mapping)! : firstSeen.get(key)!,
  ];
  return [...byKey.entries()]
    .map(([key, section]) => ({ section, r: rank(key, section) }))
    .sort((a, b) => a.r[0] - b.r[0] || a.r[1] - b.r[1] || a.r[2] - b.r[2])
    .map(({ section }) => section);
}

/** A section's heading without its import, e.g. `Harbor Dental - Main Clinic (mapping harbor-main-clinic)`. */
export function sectionLabel(section: ChangeSection): string {
  if (section.kind === 'settings') return 'Halo settings';
  if (section.mapping === null) return 'not placed by any mapping';
  if (section.site !== null) return `${section.site} (mapping ${section.mapping})`;
  return `mapping ${section.mapping}`;
}

/** How a change names its person: email, else Google id, else Halo id. */
export function personLabel(change: Change): string {
  if (change.subject === 'settings') return 'Halo settings';
  if (change.email) return change.email;
  if (change.googleId) return `Google user ${change.googleId}`;
  if (change.haloId !== null) return `Halo ${change.subject} ${change.haloId}`;
  return `unnamed ${change.subject}`;
}
