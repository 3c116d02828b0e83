/**
 * Google source paths for field maps (`fields.*[].from`) and how to read them from a Directory
 * user. Pure. Notation:
 *   primaryEmail, orgUnitPath, name.givenName, …         plain fields
 *   organizations.title / .department / .costCenter / …  the primary organization (else the first)
 *   phones[type=work], emails[type=home], addresses[type=work], externalIds[type=organization]
 *                                                         the first entry of that type (custom types:
 *                                                         [type=custom:Label] matches customType)
 *   relations[type=manager]                               the manager's email
 *   customSchemas.<Schema>.<field>                        a custom attribute (multi-valued: joined by ", ")
 */
import type { DirectoryUser } from '../model/directory.js';

export type SourceValue = string | boolean | null;

const PLAIN = ['id', 'primaryEmail', 'orgUnitPath', 'recoveryEmail', 'recoveryPhone', 'customerId'] as const;
const BOOLEAN = ['suspended', 'archived', 'isAdmin'] as const;
const NAME = ['givenName', 'familyName', 'fullName', 'displayName'] as const;
const ORGANIZATION = ['title', 'department', 'costCenter', 'name', 'description', 'location'] as const;

/** Typed lists and the types Google documents for each (plus `custom:<label>`). */
export const TYPED_LISTS = {
  phones: ['work', 'home', 'mobile', 'work_mobile', 'work_fax', 'home_fax', 'other', 'main', 'pager', 'work_pager', 'company_main', 'assistant', 'car', 'radio', 'isdn', 'callback', 'telex', 'tty_tdd', 'grand_central', 'google_voice'],
  emails: ['work', 'home', 'other'],
  addresses: ['work', 'home', 'other'],
  externalIds: ['account', 'customer', 'login_id', 'network', 'organization'],
  relations: ['manager', 'dotted_line_manager', 'assistant', 'admin_assistant', 'exec_assistant', 'spouse', 'partner', 'friend', 'referred_by'],
} as const;
type TypedList = keyof typeof TYPED_LISTS;

/** Every fixed source path, for validation and "did you mean" suggestions. */
export const KNOWN_SOURCE_PATHS: readonly string[] = [
  ...PLAIN,
  ...BOOLEAN,
  ...NAME.map((n) => `name.${n}`),
  ...ORGANIZATION.map((o) => `organizations.${o}`),
  ...Object.entries(TYPED_LISTS).flatMap(([list, types]) => types.map((t) => `${list}[type=${t}]`)),
];

export type ParsedSourcePath =
  | { kind: 'plain'; field: (typeof PLAIN)[number] }
  | { kind: 'boolean'; field: (typeof BOOLEAN)[number] }
  | { kind: 'name'; field: (typeof NAME)[number] }
  | { kind: 'organization'; field: (typeof ORGANIZATION)[number] }
  | { kind: 'typed'; list: TypedList; type: string; custom: boolean }
  | { kind: 'customSchema'; schema: string; field: string };

const TYPED_RE = /^(phones|emails|addresses|externalIds|relations)\[type=(custom:)?([A-Za-z0-9_ .-]+)\]$/;
const CUSTOM_SCHEMA_RE = /^customSchemas\.([A-Za-z_][A-Za-z0-9_]*)\.([A-Za-z_][A-Za-z0-9_]*)$/;

/** Parses a source path; `undefined` when halo-sync does not know it. */
export function parseSourcePath(path: string): ParsedSourcePath | undefined {
  if ((PLAIN as readonly string[]).includes(path)) return { kind: 'plain', field: path as (typeof PLAIN)[number] };
  if ((BOOLEAN as readonly string[]).includes(path)) return { kind: 'boolean', field: path as (typeof BOOLEAN)[number] };
  const [head, tail, extra] = path.split('.');
  if (head === 'name' && tail && extra === undefined && (NAME as readonly string[]).includes(tail)) {
    return { kind: 'name', field: tail as (typeof NAME)[number] };
  }
  if (head === 'organizations' && tail && extra === undefined && (ORGANIZATION as readonly string[]).includes(tail)) {
    return { kind: 'organization', field: tail as (typeof ORGANIZATION)[number] };
  }
  const typed = TYPED_RE.exec(path);
  if (typed) {
    const list = typed[1] as TypedList;
    const custom = typed[2] !== undefined;
    const type = typed[3] as string;
    if (!custom && !(TYPED_LISTS[list] as readonly string[]).includes(type)) return undefined;
    return { kind: 'typed', list, type, custom };
  }
  const schema = CUSTOM_SCHEMA_RE.exec(path);
  if (schema) return { kind: 'customSchema', schema: schema[1] as string, field: schema[2] as string };
  return undefined;
}

/** The primary organization, else the first one. */
export function primaryOrganization(user: DirectoryUser): NonNullable<DirectoryUser['organizations']>[number] | undefined {
  // A loop, no closure or empty array: field maps read this for every person (hot path).
  const orgs = user.organizations;
  if (!orgs) return undefined;
  for (const org of orgs) if (org.primary) return org;
  return orgs[0];
}

/** The first entry of a typed list with this type (custom: `type: custom` with this customType). */
function typedEntry(user: DirectoryUser, path: Extract<ParsedSourcePath, { kind: 'typed' }>): Record<string, unknown> | undefined {
  const entries = user[path.list] as Array<Record<string, unknown>> | undefined;
  if (!entries) return undefined;
  for (const e of entries) {
    if (path.custom ? e.type === 'custom' && e.customType === path.type : e.type === path.type) return e;
  }
  return undefined;
}

function scalar(value: unknown): SourceValue {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    const parts = value.map((v) => (v && typeof v === 'object' && 'value' in v ? (v as { value: unknown }).value : v));
    const strings = parts.map(scalar).filter((v): v is string | boolean => v !== null).map(String);
    return strings.length ? strings.join(', ') : null;
  }
  return null;
}

/** Reads a parsed source path from a user. Missing data is `null`, never an exception. */
export function readSourcePath(user: DirectoryUser, path: ParsedSourcePath): SourceValue {
  switch (path.kind) {
    case 'plain':
      return path.field === 'orgUnitPath' ? (user.orgUnitPath ?? '/') : scalar(user[path.field]);
    case 'boolean':
      return user[path.field] ?? false;
    case 'name':
      if (path.field === 'fullName') {
        return scalar(user.name?.fullName ?? ([user.name?.givenName, user.name?.familyName].filter(Boolean).join(' ') || null));
      }
      return scalar(user.name?.[path.field]);
    case 'organization':
      return scalar(primaryOrganization(user)?.[path.field]);
    case 'typed': {
      const entry = typedEntry(user, path);
      if (!entry) return null;
      return scalar(path.list === 'emails' ? entry.address : path.list === 'addresses' ? entry.formatted : entry.value);
    }
    case 'customSchema':
      return scalar(user.customSchemas?.[path.schema]?.[path.field]);
  }
}

/** True when reading this path needs `projection=full` (custom schemas are not in `basic`). */
export function needsFullProjection(path: string): boolean {
  return path.startsWith('customSchemas.');
}
