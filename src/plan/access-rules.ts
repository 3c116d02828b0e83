/**
 * Group → role and group → CAB rules. Membership is transitive (the reader expanded nested groups).
 * Several rules may name one role: a member of any of its groups holds it. Only roles and CABs that
 * some rule names are ever added or removed; a rule whose group was not read whole may add but
 * never remove.
 */
import type { Config } from '../config/types.js';
import type { DirectoryUser } from '../model/directory.js';
import type { HaloCab, HaloRole } from '../model/halo.js';
import { groupSource, type DirectoryView } from './directory-view.js';
import type { UncertainSource } from './holds.js';
import type { HaloRefs } from './references.js';
import { compareText } from './text.js';

export interface AccessRule<T> {
  /** Halo role GUID or CAB id as text. */
  id: string;
  /** Halo's spelling. */
  name: string;
  target: T;
  /** Lower-cased group emails that grant it, in config order. */
  groups: string[];
  /** Sources of those groups that cannot be trusted for removals. */
  uncertain: UncertainSource[];
}

export interface AccessRules {
  roles: AccessRule<HaloRole>[];
  cabs: AccessRule<HaloCab>[];
}

function collect<T>(
  rules: ReadonlyArray<{ group: string; name: string }>,
  resolve: (name: string) => { id: string; name: string; target: T } | undefined,
  view: DirectoryView,
  label: string,
): AccessRule<T>[] {
  const byId = new Map<string, AccessRule<T>>();
  for (const rule of rules) {
    const resolved = resolve(rule.name);
    if (!resolved) continue;
    let entry = byId.get(resolved.id);
    if (!entry) byId.set(resolved.id, (entry = { ...resolved, groups: [], uncertain: [] }));
    const group = rule.group.toLowerCase();
    if (!entry.groups.includes(group)) entry.groups.push(group);
    const source = groupSource(view, group);
    if (source) {
      source.usedBy.add(`${label} rule ${resolved.name}`);
      if (!entry.uncertain.includes(source)) entry.uncertain.push(source);
    }
  }
  return [...byId.values()].sort((a, b) => compareText(a.name, b.name) || compareText(a.id, b.id));
}

export function buildAccessRules(config: Config, refs: HaloRefs, view: DirectoryView): AccessRules {
  const roles = collect(
    config.roles.map((r) => ({ group: r.group, name: r.role })),
    (name) => {
      const role = refs.roleByName.get(name);
      return role && { id: role.id, name: role.name, target: role };
    },
    view,
    'role',
  );
  const cabs = collect(
    config.cabs.map((c) => ({ group: c.group, name: c.cab })),
    (name) => {
      const cab = refs.cabByName.get(name);
      return cab && { id: String(cab.id), name: cab.name, target: cab };
    },
    view,
    'CAB',
  );
  return { roles, cabs };
}

export type AccessState = 'grant' | 'hold' | 'deny';

export interface AccessVerdict<T> {
  rule: AccessRule<T>;
  state: AccessState;
  /** Groups the person is a member of that grant it. */
  grantedBy: string[];
}

/** grant: a member of one of its groups; hold: not seen in any, but a group is uncertain; deny. */
export function evaluateAccess<T>(user: DirectoryUser, rules: readonly AccessRule<T>[], view: DirectoryView): AccessVerdict<T>[] {
  return rules.map((rule) => {
    const grantedBy = rule.groups.filter((g) => view.groups.isMember(g, user));
    const state: AccessState = grantedBy.length > 0 ? 'grant' : rule.uncertain.length > 0 ? 'hold' : 'deny';
    return { rule, state, grantedBy };
  });
}
