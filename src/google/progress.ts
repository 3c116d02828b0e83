/** Progress of a directory read, reported as it goes (the CLI draws it on a terminal). */
export interface ReadProgress {
  phase: 'users' | 'groups' | 'lookups' | 'done';
  /** The customer whose page just arrived (users phase). */
  customer?: string;
  /** Distinct users read so far. */
  users: number;
  /** users.list and members.list pages fetched so far. */
  pages: number;
  /** Groups fully expanded so far. */
  groups: number;
}

export type ProgressCallback = (progress: ReadProgress) => void;
