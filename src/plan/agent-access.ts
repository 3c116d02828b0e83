/**
 * An agent's roles, CAB seats and licence after the group rules: what to add, what to remove, what
 * is held back (uncertain groups, protected agents), and whether the agent stays licensed.
 */
import type { HaloCab, HaloRole } from '../model/halo.js';
import { evaluateAccess, type AccessRule, type AccessVerdict } from './access-rules.js';
import type { AccessTrace, PlanContext } from './context.js';
import type { Person } from './directory-view.js';
import type { UncertainSource } from './holds.js';
import type { HaloRecord } from './match.js';
import { compareText, listText } from './text.js';

export interface AgentAccess {
  currentRoleIds: string[];
  roleAdd: HaloRole[];
  roleRemove: HaloRole[];
  /** Role removals a protected agent was spared. */
  protectedRoles: HaloRole[];
  afterRoleIds: Set<string>;
  cabAdd: HaloCab[];
  cabRemove: HaloCab[];
  /** null when licence management is off. */
  licence: { active: boolean; holding: string[]; uncertain: UncertainSource[] } | null;
  roleReason: string;
  cabReason: string;
  roleTraces: AccessTrace[];
  cabTraces: AccessTrace[];
}

function describe<T>(adds: AccessVerdict<T>[], removes: AccessVerdict<T>[]): string {
  const parts: string[] = [];
  if (adds.length) parts.push(`adds ${listText(adds.map((v) => `${v.rule.name} (member of ${listText(v.grantedBy)})`))}`);
  if (removes.length) parts.push(`removes ${listText(removes.map((v) => `${v.rule.name} (not a member of ${v.rule.groups.join(' or ')})`))}`);
  return `group rules: ${parts.join('; ')}`;
}

function trace<T>(verdicts: AccessVerdict<T>[], holds: (rule: AccessRule<T>) => boolean | null): AccessTrace[] {
  return verdicts.map((v) => ({ name: v.rule.name, state: v.state, grantedBy: v.grantedBy, groups: v.rule.groups, holds: holds(v.rule) }));
}

export function planAgentAccess(
  ctx: PlanContext,
  person: Person,
  record: HaloRecord | null,
  defaultRole: HaloRole | undefined,
  isProtected: boolean,
): AgentAccess {
  const currentRoleIds = record && Array.isArray(record.roles)
    ? (record.roles as Array<{ id?: unknown }>).map((r) => String(r.id ?? '')).filter((id) => id !== '')
    : [];
  const current = new Set(currentRoleIds);
  if (defaultRole) current.add(defaultRole.id);

  const roleVerdicts = evaluateAccess(person.user, ctx.access.roles, ctx.view);
  const addRoles = roleVerdicts.filter((v) => v.state === 'grant' && !current.has(v.rule.id));
  let removeRoles = roleVerdicts.filter((v) => v.state === 'deny' && current.has(v.rule.id));
  for (const v of roleVerdicts) {
    if (v.state === 'hold' && current.has(v.rule.id)) ctx.holds.hold(v.rule.uncertain, 'role removal', person.email);
  }
  const protectedRoles = isProtected ? removeRoles.map((v) => v.rule.target) : [];
  if (isProtected) removeRoles = [];

  const afterRoleIds = new Set(current);
  for (const v of addRoles) afterRoleIds.add(v.rule.id);
  for (const v of removeRoles) afterRoleIds.delete(v.rule.id);

  const seats = (cab: AccessRule<HaloCab>) => record !== null && (ctx.cabAgents.get(cab.id)?.has(record.id) ?? false);
  const cabVerdicts = evaluateAccess(person.user, ctx.access.cabs, ctx.view);
  const addCabs = cabVerdicts.filter((v) => v.state === 'grant' && !seats(v.rule));
  const removeCabs = cabVerdicts.filter((v) => v.state === 'deny' && seats(v.rule));
  for (const v of cabVerdicts) {
    if (v.state === 'hold' && seats(v.rule)) ctx.holds.hold(v.rule.uncertain, 'CAB removal', person.email);
  }

  let licence: AgentAccess['licence'] = null;
  if (ctx.config.licence.enabled) {
    const holding = [...afterRoleIds].filter((id) => ctx.activeRoleIds.has(id)).map((id) => ctx.refs.roleById.get(id)?.name ?? id).sort(compareText);
    // A licensed role that an uncertain group might grant makes a "none held" verdict unsafe.
    const uncertain = roleVerdicts.filter((v) => v.state === 'hold' && ctx.activeRoleIds.has(v.rule.id)).flatMap((v) => v.rule.uncertain);
    licence = { active: holding.length > 0, holding, uncertain };
  }

  return {
    currentRoleIds,
    roleAdd: addRoles.map((v) => v.rule.target),
    roleRemove: removeRoles.map((v) => v.rule.target),
    protectedRoles,
    afterRoleIds,
    cabAdd: addCabs.map((v) => v.rule.target),
    cabRemove: removeCabs.map((v) => v.rule.target),
    licence,
    roleReason: describe(addRoles, removeRoles),
    cabReason: describe(addCabs, removeCabs),
    roleTraces: trace(roleVerdicts, (rule) => (record === null ? null : current.has(rule.id))),
    cabTraces: trace(cabVerdicts, (rule) => (record === null ? null : seats(rule))),
  };
}
