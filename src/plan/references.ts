/**
 * Halo names in the config (sites, roles, CABs, custom fields, protected agents) resolved against
 * the Halo snapshot. A name Halo does not know is an error at its config line, with a suggestion;
 * all of them are reported at once. Names compare case-insensitively; messages use Halo's spelling.
 */
import type { LoadedConfig } from '../config/types.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { HaloCab, HaloFieldDefinition, HaloRole, HaloSite, HaloSnapshot } from '../model/halo.js';
import { customFieldName, isCustomTarget } from '../fields/halo-fields.js';
import { suggestion } from './suggest.js';
import { foldEmail } from './text.js';

export interface HaloRefs {
  /** Mapping name → the Halo site it places people in. */
  siteByMapping: Map<string, HaloSite>;
  roleById: Map<string, HaloRole>;
  /** Config role name (as written) → role. */
  roleByName: Map<string, HaloRole>;
  /** Config CAB name (as written) → CAB. */
  cabByName: Map<string, HaloCab>;
  /** Config target (`custom:<name>` as written) → custom field definition. */
  customFields: Map<string, HaloFieldDefinition>;
  /** Lower-cased protected agent emails. */
  protectedEmails: Set<string>;
}

type Lookup<T> = { kind: 'found'; item: T } | { kind: 'missing' } | { kind: 'ambiguous'; items: T[] };

function nameIndex<T>(items: readonly T[], name: (t: T) => string): Map<string, T[]> {
  const index = new Map<string, T[]>();
  for (const item of items) {
    const key = name(item).trim().toLowerCase();
    const list = index.get(key);
    if (list) list.push(item);
    else index.set(key, [item]);
  }
  return index;
}

function lookup<T>(index: Map<string, T[]>, wanted: string, name: (t: T) => string): Lookup<T> {
  const list = index.get(wanted.trim().toLowerCase()) ?? [];
  if (list.length === 0) return { kind: 'missing' };
  if (list.length === 1) return { kind: 'found', item: list[0] as T };
  const exact = list.filter((t) => name(t) === wanted);
  return exact.length === 1 ? { kind: 'found', item: exact[0] as T } : { kind: 'ambiguous', items: list };
}

/** The position of a JSON pointer, or of its nearest ancestor that has one (defaults have none). */
export function diagnosticAt(
  loaded: LoadedConfig,
  pointer: string,
  severity: Diagnostic['severity'],
  code: string,
  message: string,
): Diagnostic {
  let at = pointer;
  let position = loaded.positions[at];
  while (!position && at.includes('/')) {
    at = at.slice(0, at.lastIndexOf('/'));
    position = loaded.positions[at];
  }
  const where = position ? { line: position.line, column: position.column } : {};
  return { severity, code, message, file: loaded.file, pointer, ...where };
}

export function resolveReferences(
  loaded: LoadedConfig,
  halo: HaloSnapshot,
): { refs: HaloRefs; diagnostics: Diagnostic[] } {
  const { config } = loaded;
  const diagnostics: Diagnostic[] = [];
  const error = (pointer: string, code: string, message: string) =>
    diagnostics.push(diagnosticAt(loaded, pointer, 'error', code, message));

  const refs: HaloRefs = {
    siteByMapping: new Map(),
    roleById: new Map(halo.roles.map((r) => [r.id, r])),
    roleByName: new Map(),
    cabByName: new Map(),
    customFields: new Map(),
    protectedEmails: new Set(config.safety.protectedAgents.map(foldEmail)),
  };

  const siteName = (s: HaloSite) => s.name;
  const sites = nameIndex(halo.sites, siteName);
  const roleName = (r: HaloRole) => r.name;
  const roles = nameIndex(halo.roles, roleName);
  const cabName = (c: HaloCab) => c.name;
  const cabs = nameIndex(halo.cabs, cabName);
  const fieldName = (f: HaloFieldDefinition) => f.name;
  const fields = nameIndex(halo.fields, fieldName);

  const resolveRole = (name: string, pointer: string) => {
    const found = lookup(roles, name, roleName);
    if (found.kind === 'found') refs.roleByName.set(name, found.item);
    else if (found.kind === 'missing') {
      error(pointer, 'unknown-role', `role "${name}" does not exist in Halo${suggestion(name, halo.roles.map(roleName))}`);
    } else {
      error(pointer, 'ambiguous-role', `role "${name}" matches ${found.items.length} Halo roles; rename one in Halo`);
    }
  };

  config.mappings.forEach((mapping, i) => {
    if (mapping.site !== undefined) {
      const found = lookup(sites, mapping.site, siteName);
      if (found.kind === 'found') refs.siteByMapping.set(mapping.name, found.item);
      else if (found.kind === 'missing') {
        error(`/mappings/${i}/site`, 'unknown-site',
          `site "${mapping.site}" does not exist in Halo${suggestion(mapping.site, halo.sites.map(siteName))}`);
      } else {
        const which = found.items.map((s) => `#${s.id}${s.client_name ? ` (${s.client_name})` : ''}`).join(', ');
        error(`/mappings/${i}/site`, 'ambiguous-site',
          `site "${mapping.site}" matches ${found.items.length} Halo sites (${which}); give the sites distinct names in Halo`);
      }
    }
    if (mapping.defaultRole !== undefined) resolveRole(mapping.defaultRole, `/mappings/${i}/defaultRole`);
  });
  config.roles.forEach((rule, i) => resolveRole(rule.role, `/roles/${i}/role`));
  config.licence.activeRoles.forEach((role, i) => resolveRole(role, `/licence/activeRoles/${i}`));

  config.cabs.forEach((rule, i) => {
    const found = lookup(cabs, rule.cab, cabName);
    if (found.kind === 'found') refs.cabByName.set(rule.cab, found.item);
    else if (found.kind === 'missing') {
      error(`/cabs/${i}/cab`, 'unknown-cab', `CAB "${rule.cab}" does not exist in Halo${suggestion(rule.cab, halo.cabs.map(cabName))}`);
    } else {
      error(`/cabs/${i}/cab`, 'ambiguous-cab', `CAB "${rule.cab}" matches ${found.items.length} Halo CABs; rename one in Halo`);
    }
  });

  for (const kind of ['users', 'agents'] as const) {
    config.fields[kind].forEach((map, i) => {
      if (!isCustomTarget(map.to)) return;
      const name = customFieldName(map.to);
      const found = lookup(fields, name, fieldName);
      const pointer = `/fields/${kind}/${i}/to`;
      if (found.kind === 'found') refs.customFields.set(map.to, found.item);
      else if (found.kind === 'missing') {
        error(pointer, 'unknown-custom-field',
          `custom field "${name}" does not exist in Halo${suggestion(name, halo.fields.map(fieldName))}`);
      } else {
        error(pointer, 'ambiguous-custom-field', `custom field "${name}" matches ${found.items.length} Halo fields (ids ${found.items.map((f) => f.id).join(', ')})`);
      }
    });
  }

  // A protected agent that does not exist yet protects nobody: worth a warning, not a refusal
  // (the list may name a break-glass account that is about to be created).
  const agentEmails = new Set(halo.agents.map((a) => foldEmail(a.email)));
  config.safety.protectedAgents.forEach((email, i) => {
    if (agentEmails.has(foldEmail(email))) return;
    const known = halo.agents.map((a) => a.email).filter((e): e is string => typeof e === 'string' && e !== '');
    diagnostics.push(diagnosticAt(loaded, `/safety/protectedAgents/${i}`, 'warning', 'unknown-protected-agent',
      `protected agent "${email}" is not a Halo agent${suggestion(email, known)}`));
  });

  return { refs, diagnostics };
}
