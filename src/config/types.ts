/**
 * The halo-sync.yaml language (version 1), after loading and defaults. Key names are a public
 * contract (DESIGN.md "Config"): do not rename them.
 */

export type FilterOp =
  | 'equals'
  | 'notEquals'
  | 'startsWith'
  | 'endsWith'
  | 'contains'
  | 'matches'
  | 'in'
  | 'memberOf'
  | 'under';

/**
 * One test on one directory field. `field` is one of the filter fields (`email`, `domain`,
 * `orgUnitPath`, `givenName`, `familyName`, `title`, `department`, `costCenter`, `isAdmin`,
 * `suspended`, `archived`, `group`, `customSchemas.<Schema>.<field>`).
 * `value` is a string for most operators, a boolean for the boolean fields, a list for `in`.
 */
export interface FilterClause {
  field: string;
  op: FilterOp;
  value: string | number | boolean | Array<string | number | boolean>;
}

export interface AllFilter {
  all: Filter[];
}
export interface AnyFilter {
  any: Filter[];
}
/** Clauses combined under `all` (AND) and `any` (OR), nestable. */
export type Filter = FilterClause | AllFilter | AnyFilter;

export interface Mapping {
  /** Unique name, shown in plans and `explain`. */
  name: string;
  /** Halo site name: the mapping feeds the users import. Exactly one of `site` / `agent: true`. */
  site?: string;
  /** `true`: the mapping feeds the agents import. */
  agent?: boolean;
  /** Role given to agents created through this mapping (on create only). */
  defaultRole?: string;
  /** Google customer id; required iff `google.directory` is `customers`. */
  customer?: string;
  /** No filter means everyone in the mapping's directory. */
  filter?: Filter;
}

export interface FieldMap {
  /** Google source path, e.g. `primaryEmail`, `organizations.title`, `phones[type=work]`. */
  from: string;
  /** Halo field name, or `custom:<Halo custom field name>`. */
  to: string;
}

export type MatchKey = 'email' | 'name';
export type LifecyclePolicy = 'deactivate' | 'keep';

export interface Config {
  version: 1;
  google: {
    directory: 'own' | 'customers';
    /** `my_customer` or an explicit customer id; used when `directory` is `own`. */
    customer: string;
  };
  halo: {
    url: string;
    tenant?: string;
  };
  mappings: Mapping[];
  fields: {
    users: FieldMap[];
    agents: FieldMap[];
  };
  matching: {
    users: MatchKey[];
    agents: MatchKey[];
    /** Agent field that holds the Google user id (agents have no googleworkplace_id). */
    agentIdField: string;
  };
  roles: Array<{ group: string; role: string }>;
  cabs: Array<{ group: string; cab: string }>;
  licence: {
    enabled: boolean;
    activeRoles: string[];
  };
  lifecycle: {
    suspended: LifecyclePolicy;
    outOfScope: LifecyclePolicy;
  };
  safety: {
    maxDeactivations: number;
    maxDeactivationPercent: number;
    protectedAgents: string[];
  };
  /** Absent: halo-sync leaves Halo's Google Sign-In settings alone. */
  signIn?: {
    agents: boolean;
    portal: boolean;
    /** OAuth client id without the `.apps.googleusercontent.com` suffix. */
    appId?: string;
    autoRedirect: boolean;
  };
}

/** 1-based position of a node in the config file. */
export interface Position {
  line: number;
  column: number;
}

/**
 * A loaded config with where each of its nodes came from, so later stages (the planner's checks
 * of Halo references) can point at a config line without touching the file again.
 * `positions` is keyed by JSON pointer (`/mappings/0/site`); defaults have no entry.
 */
export interface LoadedConfig {
  config: Config;
  file: string;
  positions: Record<string, Position>;
  /**
   * Where the KEY of each map entry is, keyed by the entry's JSON pointer (`/mappings/0/site` → the
   * position of `site`). Diagnostics about a key itself (unknown, refused) point here.
   */
  keyPositions: Record<string, Position>;
  /** sha256 of the raw file text, `sha256:<hex>`. */
  digest: string;
}
