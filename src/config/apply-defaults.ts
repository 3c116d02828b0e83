/**
 * Fills in every optional key from defaults.ts, turning a schema-valid document into a `Config`.
 * Pure; the result shares nothing mutable with DEFAULTS.
 */
import { DEFAULT_AGENT_FIELDS, DEFAULT_USER_FIELDS, DEFAULTS, SIGN_IN_DEFAULTS } from './defaults.js';
import type { Config, FieldMap, MatchKey } from './types.js';

/** A document that passed the schema: required keys present, optional ones maybe not. */
export interface RawConfig {
  version: 1;
  google: Partial<Config['google']>;
  halo: Config['halo'];
  mappings: Config['mappings'];
  fields?: Partial<Config['fields']>;
  matching?: Partial<Config['matching']>;
  roles?: Config['roles'];
  cabs?: Config['cabs'];
  licence?: Partial<Config['licence']>;
  lifecycle?: Partial<Config['lifecycle']>;
  safety?: Partial<Config['safety']>;
  signIn?: Partial<NonNullable<Config['signIn']>>;
}

const copyMaps = (maps: readonly FieldMap[]): FieldMap[] => maps.map((m) => ({ ...m }));

export function applyDefaults(raw: RawConfig): Config {
  const config: Config = {
    version: 1,
    google: { directory: raw.google.directory ?? DEFAULTS.google.directory, customer: raw.google.customer ?? DEFAULTS.google.customer },
    halo: { ...raw.halo },
    mappings: raw.mappings.map((m) => ({ ...m })),
    fields: {
      users: copyMaps(raw.fields?.users ?? DEFAULT_USER_FIELDS),
      agents: copyMaps(raw.fields?.agents ?? DEFAULT_AGENT_FIELDS),
    },
    matching: {
      users: [...(raw.matching?.users ?? (DEFAULTS.matching.users as readonly MatchKey[]))],
      agents: [...(raw.matching?.agents ?? (DEFAULTS.matching.agents as readonly MatchKey[]))],
      agentIdField: raw.matching?.agentIdField ?? DEFAULTS.matching.agentIdField,
    },
    roles: (raw.roles ?? []).map((r) => ({ ...r })),
    cabs: (raw.cabs ?? []).map((c) => ({ ...c })),
    licence: {
      enabled: raw.licence?.enabled ?? DEFAULTS.licence.enabled,
      activeRoles: [...(raw.licence?.activeRoles ?? DEFAULTS.licence.activeRoles)],
    },
    lifecycle: {
      suspended: raw.lifecycle?.suspended ?? DEFAULTS.lifecycle.suspended,
      outOfScope: raw.lifecycle?.outOfScope ?? DEFAULTS.lifecycle.outOfScope,
    },
    safety: {
      maxDeactivations: raw.safety?.maxDeactivations ?? DEFAULTS.safety.maxDeactivations,
      maxDeactivationPercent: raw.safety?.maxDeactivationPercent ?? DEFAULTS.safety.maxDeactivationPercent,
      protectedAgents: [...(raw.safety?.protectedAgents ?? DEFAULTS.safety.protectedAgents)],
    },
  };
  if (raw.signIn !== undefined) {
    config.signIn = {
      agents: raw.signIn.agents ?? SIGN_IN_DEFAULTS.agents,
      portal: raw.signIn.portal ?? SIGN_IN_DEFAULTS.portal,
      autoRedirect: raw.signIn.autoRedirect ?? SIGN_IN_DEFAULTS.autoRedirect,
      ...(raw.signIn.appId === undefined ? {} : { appId: raw.signIn.appId }),
    };
  }
  return config;
}
