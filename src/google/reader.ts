/**
 * Reads the Google side of a plan into a DirectorySnapshot: the planned users.list reads (500 a
 * page, to the last page), then the named groups (expanded transitively).
 *
 * Nothing is re-checked here: the planner re-checks every mapping's whole filter locally on what
 * the reads returned (selectMappingUsers shows how). What the reader guarantees is honesty: a read
 * that did not finish (a page failing after retries, a customer refusing, an unknown customer)
 * is marked `complete: false` with the reason, and the users it did return are kept, so an
 * incomplete read can never look like people leaving.
 */
import type { Config } from '../config/types.js';
import type { DirectorySnapshot, DirectoryUser, ScopeRead } from '../model/directory.js';
import { isInvalidAnswer } from './answers.js';
import type { DirectoryClient } from './client.js';
import { expandGroups } from './groups.js';
import { mapPool } from './pool.js';
import type { ProgressCallback, ReadProgress } from './progress.js';
import { ReadDigest } from './read-digest.js';
import { planReads, type PlannedUserRead, type ReadPlan } from './read-plan.js';

export interface ReadDirectoryOptions {
  client: DirectoryClient;
  config: Config;
  /** Defaults to planReads(config). */
  plan?: ReadPlan;
  onProgress?: ProgressCallback;
  /** Requests in flight at once (default 4). */
  concurrency?: number;
}

function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

class Progress {
  private readonly state: ReadProgress = { phase: 'users', users: 0, pages: 0, groups: 0 };
  constructor(
    private readonly users: Map<string, DirectoryUser>,
    private readonly callback?: ProgressCallback,
  ) {}
  report(update: Partial<ReadProgress>): void {
    Object.assign(this.state, update, { users: this.users.size });
    if (!this.callback) return;
    const snapshot: ReadProgress = { phase: this.state.phase, users: this.state.users, pages: this.state.pages, groups: this.state.groups };
    if (update.customer !== undefined) snapshot.customer = update.customer;
    this.callback(snapshot);
  }
  page(customer?: string): void {
    this.state.pages += 1;
    this.report(customer === undefined ? {} : { customer });
  }
  group(): void {
    this.state.groups += 1;
    this.report({});
  }
}

/** Users read by different reads are the same person: keep one record, with every field any read returned. */
function remember(users: Map<string, DirectoryUser>, user: DirectoryUser): void {
  const known = users.get(user.id);
  users.set(user.id, known ? { ...known, ...user } : user);
}

async function runUserRead(client: DirectoryClient, read: PlannedUserRead, users: Map<string, DirectoryUser>, progress: Progress, digest: ReadDigest): Promise<ScopeRead> {
  const running = digest.start('users', read.key);
  const ids = new Set<string>();
  const seenTokens = new Set<string>();
  const result: ScopeRead = { key: read.key, mappings: [...read.mappings], customer: read.customer, complete: true, userIds: [] };
  if (read.query !== undefined) result.query = read.query;
  let pageToken: string | undefined;
  do {
    try {
      const page = await client.listUsers({
        customer: read.customer,
        query: read.query,
        projection: read.projection,
        fields: read.fields,
        pageToken,
      });
      running.page(page.users);
      // checkUsersPage (answers.ts) has refused any user without an id or primaryEmail.
      for (const user of page.users) {
        ids.add(user.id);
        remember(users, user);
      }
      pageToken = page.nextPageToken;
      progress.page(read.customer);
    } catch (error) {
      // A malformed answer is not a partial read: the run stops (answers.ts says why).
      if (isInvalidAnswer(error)) throw error;
      result.complete = false;
      result.error = error instanceof Error ? error.message : String(error);
      break;
    }
    if (pageToken !== undefined) {
      if (seenTokens.has(pageToken)) {
        result.complete = false;
        result.error = `customer ${read.customer}: Google returned the same page token twice; paging stopped`;
        break;
      }
      seenTokens.add(pageToken);
    }
  } while (pageToken !== undefined);
  result.userIds = [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const { key, mappings, customer, query, complete, error } = result;
  running.done({ key, mappings, customer, query, complete, error });
  return result;
}

export async function readDirectory(options: ReadDirectoryOptions): Promise<DirectorySnapshot> {
  const plan = options.plan ?? planReads(options.config);
  const concurrency = options.concurrency ?? 4;
  const users = new Map<string, DirectoryUser>();
  const progress = new Progress(users, options.onProgress);
  const digest = new ReadDigest();

  progress.report({ phase: 'users' });
  const reads = await mapPool(plan.reads, concurrency, (read) => runUserRead(options.client, read, users, progress, digest));

  progress.report({ phase: 'groups' });
  const groups = await expandGroups(options.client, plan.groups, {
    concurrency,
    onPage: () => progress.page(),
    onGroup: () => progress.group(),
    digest,
  });

  progress.report({ phase: 'done' });
  return { users: [...users.values()].sort(byId), reads, groups, lookups: [], readDigest: digest.digest() };
}
