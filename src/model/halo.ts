/**
 * What halo-sync read from Halo. Records are kept close to Halo's wire shape (field names from
 * Halo's OpenAPI `Users` and `Uname` schemas) because field maps target arbitrary Halo fields.
 */

export interface HaloCustomFieldValue {
  id: number;
  name?: string;
  value?: unknown;
}

/** A Halo end user (`Users` schema). Only the fields halo-sync reasons about are typed. */
export interface HaloUser {
  id: number;
  name?: string | null;
  firstname?: string | null;
  surname?: string | null;
  emailaddress?: string | null;
  site_id?: number | null;
  site_name?: string | null;
  client_id?: number | null;
  inactive?: boolean | null;
  googleworkplace_id?: string | null;
  customfields?: HaloCustomFieldValue[] | null;
  [field: string]: unknown;
}

export interface HaloRoleRef {
  id: string;
  name?: string | null;
}

/** A Halo agent (`Uname` schema). The Google id lives in `config.matching.agentIdField`. */
export interface HaloAgent {
  id: number;
  name?: string | null;
  firstname?: string | null;
  surname?: string | null;
  email?: string | null;
  isdisabled?: boolean | null;
  roles?: HaloRoleRef[] | null;
  customfields?: HaloCustomFieldValue[] | null;
  [field: string]: unknown;
}

export interface HaloSite {
  id: number;
  name: string;
  client_id?: number | null;
  client_name?: string | null;
  inactive?: boolean | null;
}

export interface HaloClient {
  id: number;
  name: string;
  inactive?: boolean | null;
}

/** An agent role (`NHD_Roles`); ids are GUID strings. */
export interface HaloRole {
  id: string;
  name: string;
}

export interface HaloCabMember {
  id?: number;
  agent_id?: number | null;
  user_id?: number | null;
  [field: string]: unknown;
}

export interface HaloCab {
  id: number;
  name: string;
  members: HaloCabMember[];
}

/** A custom field definition (`/api/FieldInfo`). Config names them `custom:<name>`. */
export interface HaloFieldDefinition {
  id: number;
  name: string;
  label?: string | null;
  /** Which record type the field belongs to, when Halo says (e.g. users vs agents); optional. */
  usage?: number | null;
}

/** The Google-related part of Halo's global `Control` settings. */
export interface HaloControl {
  halointegrator_googleworkplace?: boolean | null;
  halointegrator_googleworkplace_lastsync?: string | null;
  halointegrator_googleworkplace_lasterror?: string | null;
  enablegooglesso?: boolean | null;
  googlessotype?: number | null;
  googlessoautoredirect?: boolean | null;
  google_application?: string | null;
  [field: string]: unknown;
}

export interface HaloSnapshot {
  /** All end users including inactive ones, sorted by id. */
  users: HaloUser[];
  /** All agents including disabled ones, with roles, sorted by id. */
  agents: HaloAgent[];
  sites: HaloSite[];
  clients: HaloClient[];
  roles: HaloRole[];
  cabs: HaloCab[];
  fields: HaloFieldDefinition[];
  control: HaloControl;
  /**
   * `sha256:…` of what the reader read, computed as it read (src/halo/snapshot.ts): one running
   * hash per list over its normalized records, page by page in read order (users), combined in a
   * fixed list order. Optional: a snapshot built by hand has none and the plan digests its content
   * instead (src/plan/digest.ts). Code that changes a snapshot after reading must delete it.
   */
  readDigest?: string;
}
