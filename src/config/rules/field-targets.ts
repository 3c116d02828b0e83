import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { CUSTOM_PREFIX, MANAGED_FIELDS, NAME_FIELDS, knownTargets, type ImportKind } from '../../fields/halo-fields.js';
import { isWritten } from '../positions.js';
import { didYouMean } from '../text.js';
import { report, type RuleContext } from './context.js';
import { fieldMapsOf, IMPORT_KINDS, type PlacedFieldMap } from './field-maps.js';

/** Why halo-sync keeps each managed field to itself. */
const MANAGED_REASONS: Record<string, string> = {
  id: 'it is the record id',
  site_id: 'halo-sync places users by their mapping',
  site_name: 'halo-sync places users by their mapping',
  client_id: 'halo-sync places users by their mapping',
  inactive: 'halo-sync sets it by the lifecycle policy',
  isdisabled: 'halo-sync sets it by the lifecycle and licence policies',
  googleworkplace_id: 'it holds the Google id that links the record',
  roles: 'roles come from the roles rules',
  customfields: 'write one custom field as custom:<Halo field name>',
};

const RECORD = { users: 'end-user', agents: 'agent' } as const;

function targetProblem(context: RuleContext, placed: PlacedFieldMap): string | undefined {
  const { kind, map } = placed;
  const target = map.to;
  const lower = target.toLowerCase();
  if (lower.startsWith(CUSTOM_PREFIX)) {
    const name = target.slice(CUSTOM_PREFIX.length);
    if (name.trim() === '') return `custom field target '${target}' has no field name: write custom:<Halo custom field name>, e.g. custom:CFEmployeeNumber`;
    if (name !== name.trim()) return `custom field target '${target}' has spaces around the field name: write custom:${name.trim()}`;
    if (!target.startsWith(CUSTOM_PREFIX)) return `custom field targets are written in lower case: custom:${name}`;
    return undefined;
  }
  if ((NAME_FIELDS as readonly string[]).includes(lower)) {
    return `'${target}' cannot be a field-map target: names are always mapped from Google and cannot be changed; remove this field map`;
  }
  if (MANAGED_FIELDS[kind].includes(lower)) {
    return `'${target}' is managed by halo-sync and cannot be a field-map target (${MANAGED_REASONS[lower] ?? 'halo-sync sets it itself'}): remove this field map`;
  }
  // Default maps that collide with agentIdField are reported by the agent-id-field rule, at the setting.
  if (kind === 'agents' && isWritten(context, '/fields/agents') && lower === context.config.matching.agentIdField.toLowerCase()) {
    return `'${target}' holds the Google id of each agent (matching.agentIdField) and cannot be a field-map target: remove this field map or choose another matching.agentIdField`;
  }
  if (!knownTargets(kind).includes(target)) {
    const other: ImportKind = kind === 'users' ? 'agents' : 'users';
    const elsewhere = knownTargets(other).includes(target) ? ` ('${target}' is an ${RECORD[other]} field; this list is fields.${kind})` : '';
    const hint = didYouMean(target, knownTargets(kind));
    return `unknown Halo ${RECORD[kind]} field '${target}'${hint}${elsewhere}; fields halo-sync can write here: ${knownTargets(kind).join(', ')}, or custom:<name>`;
  }
  return undefined;
}

/** Every field-map target must be a writable Halo field that halo-sync does not manage itself. */
export function fieldTargetsAllowed(context: RuleContext): Diagnostic[] {
  return IMPORT_KINDS.flatMap((kind) =>
    fieldMapsOf(context, kind).flatMap((placed) => {
      const message = targetProblem(context, placed);
      return message ? [report(context, { code: 'field-target-refused', pointer: `${placed.pointer}/to`, message })] : [];
    }),
  );
}
