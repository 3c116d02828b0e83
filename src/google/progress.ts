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

const PHASES: Record<ReadProgress['phase'], string> = {
  users: 'reading users',
  groups: 'expanding groups',
  lookups: 'looking up missing people',
  done: 'read',
};

/** One status line for a terminal, e.g. `Google: reading users (C03abc): 1,234 users, 3 pages, 0 groups`. */
export function describeProgress(progress: ReadProgress): string {
  const n = (value: number, noun: string) => `${value.toLocaleString('en-US')} ${noun}${value === 1 ? '' : 's'}`;
  const where = progress.customer ? ` (${progress.customer})` : '';
  return `Google: ${PHASES[progress.phase]}${where}: ${n(progress.users, 'user')}, ${n(progress.pages, 'page')}, ${n(progress.groups, 'group')}`;
}
