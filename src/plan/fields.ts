/**
 * Desired field values of a record, from its Google user, and their difference from Halo. The name
 * mapping is fixed and always on; then the configured field maps in config order.
 *
 * Decision: a Google value that is empty where Halo has one CLEARS the Halo field (after: null).
 * A field map is a statement that Google owns that field; keeping a stale phone number or title
 * because Google's copy was removed would make Halo disagree with its source silently. Reviewers
 * see every clear in the plan like any other change.
 */
import type { Config } from '../config/types.js';
import type { DirectoryUser } from '../model/directory.js';
import { parseSourcePath, readSourcePath, type ParsedSourcePath } from '../fields/google-paths.js';
import { isCustomTarget, MANAGED_FIELDS, NAME_FIELDS, type ImportKind } from '../fields/halo-fields.js';
import type { HaloRefs } from './references.js';
import type { HaloRecord } from './match.js';
import type { FieldChange, FieldValue } from './types.js';
import { desiredValue, isEmailField, sameValue, toFieldValue } from './values.js';

export type FieldTarget = { kind: 'plain'; field: string } | { kind: 'custom'; id: number };

export interface ResolvedField {
  /** The field as the plan names it: `name`, `title`, `custom:<Halo name>`. */
  display: string;
  target: FieldTarget;
  source: ParsedSourcePath;
  /** The config's `from`, for explain. */
  from: string;
  /** Email fields compare case-insensitively. */
  ignoreCase: boolean;
}

const NAME_SOURCES: ReadonlyArray<[string, string]> = [
  ['name', 'name.fullName'],
  ['firstname', 'name.givenName'],
  ['surname', 'name.familyName'],
];

/**
 * Field maps that would fight halo-sync's own bookkeeping (names, identity, placement, status) or
 * name an unknown source are refused by the config rules; here they are skipped so the planner can
 * never write them even if handed such a config.
 */
export function resolveFields(kind: ImportKind, config: Config, refs: HaloRefs, idField: string): ResolvedField[] {
  const out: ResolvedField[] = [];
  const taken = new Set<string>();
  for (const [field, from] of NAME_SOURCES) {
    out.push({ display: field, target: { kind: 'plain', field }, source: parseSourcePath(from) as ParsedSourcePath, from, ignoreCase: false });
    taken.add(field);
  }
  const reserved = new Set<string>([...NAME_FIELDS, ...MANAGED_FIELDS[kind], idField]);
  for (const map of config.fields[kind]) {
    const source = parseSourcePath(map.from);
    if (!source) continue;
    if (isCustomTarget(map.to)) {
      const definition = refs.customFields.get(map.to);
      if (!definition || taken.has(`#${definition.id}`)) continue;
      taken.add(`#${definition.id}`);
      out.push({ display: `custom:${definition.name}`, target: { kind: 'custom', id: definition.id }, source, from: map.from, ignoreCase: isEmailField(definition.name) });
      continue;
    }
    if (reserved.has(map.to) || taken.has(map.to)) continue;
    taken.add(map.to);
    out.push({ display: map.to, target: { kind: 'plain', field: map.to }, source, from: map.from, ignoreCase: isEmailField(map.to) });
  }
  return out;
}

export function currentValue(record: HaloRecord, target: FieldTarget): unknown {
  if (target.kind === 'plain') return record[target.field];
  const custom = record.customfields;
  if (!Array.isArray(custom)) return undefined;
  // A loop, not find with a closure: this runs per record and custom field map (hot path).
  for (const c of custom as unknown[]) {
    if (!!c && typeof c === 'object' && (c as { id?: unknown }).id === target.id) return (c as { value?: unknown }).value;
  }
  return undefined;
}

export type FieldDiff = FieldChange & { target: FieldTarget };

const NO_DIFFS: readonly FieldDiff[] = [];

/** The values a person's record should hold, in field order (for creates and explain). */
export function desiredValues(user: DirectoryUser, fields: readonly ResolvedField[]): Array<{ field: ResolvedField; value: FieldValue }> {
  return fields.map((field) => ({ field, value: desiredValue(readSourcePath(user, field.source)) }));
}

/** A create's fields: every desired value that is not empty. */
export function createFields(user: DirectoryUser, fields: readonly ResolvedField[]): FieldDiff[] {
  return desiredValues(user, fields)
    .filter((d) => d.value !== null)
    .map(({ field, value }) => ({ field: field.display, before: null, after: value, target: field.target }));
}

/** Fields of an existing record that differ from Google. Allocates only for differences (hot path). */
export function diffRecord(record: HaloRecord, user: DirectoryUser, fields: readonly ResolvedField[]): readonly FieldDiff[] {
  let out: FieldDiff[] | null = null;
  for (const field of fields) {
    const after = desiredValue(readSourcePath(user, field.source));
    const before = currentValue(record, field.target);
    // Identical values compare equal whatever the normalisation: most fields of most records are
    // unchanged, and this skips building two comparable strings for each of them.
    if (before === after || sameValue(before, after, field.ignoreCase)) continue;
    (out ??= []).push({ field: field.display, before: toFieldValue(before), after, target: field.target });
  }
  return out ?? NO_DIFFS;
}

/** Puts field changes into a Halo write body; a cleared field is written as an empty string. */
export function writeFields(body: Record<string, unknown>, changes: ReadonlyArray<FieldChange & { target: FieldTarget }>): void {
  for (const change of changes) {
    const value = change.after ?? '';
    if (change.target.kind === 'plain') {
      body[change.target.field] = value;
    } else {
      const list = (body.customfields as Array<{ id: number; value: unknown }> | undefined) ?? [];
      list.push({ id: change.target.id, value });
      body.customfields = list;
    }
  }
}
