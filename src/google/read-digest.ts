/**
 * DirectorySnapshot.readDigest: a sha256 of what the Google reader read, computed while it reads
 * (the hashing overlaps network waits) instead of by the planner afterwards over canonical JSON
 * of the whole snapshot (over a second at 100k people).
 *
 * Definition: each users.list read (by read key) and each members.list read of a group (by
 * lower-cased group key, nested groups included) gets its own running sha256 over the JSON text of
 * every page's `users` / `members` in page order, each followed by "\n", then the JSON text of the
 * read's outcome (key, mappings, customer, query, complete, error / found, complete, error). The
 * digest is `sha256:` + sha256 of the lines `["users"|"members", key, hex]` + "\n", sorted: reads
 * run concurrently and finish in any order, so only per-read hashes combined in key order are
 * deterministic. The same answers give the same digest; page tokens are not hashed.
 */
import { createHash } from 'node:crypto';

export type ReadKind = 'users' | 'members';

/** The running hash of one read. */
export interface RunningRead {
  page(data: unknown): void;
  done(outcome: unknown): void;
}

export class ReadDigest {
  private readonly parts: string[] = [];

  start(kind: ReadKind, key: string): RunningRead {
    const hash = createHash('sha256');
    return {
      page: (data) => {
        hash.update(JSON.stringify(data) ?? 'null');
        hash.update('\n');
      },
      done: (outcome) => {
        hash.update(JSON.stringify(outcome) ?? 'null');
        this.parts.push(JSON.stringify([kind, key, hash.digest('hex')]));
      },
    };
  }

  digest(): string {
    const hash = createHash('sha256');
    for (const line of [...this.parts].sort()) hash.update(`${line}\n`);
    return `sha256:${hash.digest('hex')}`;
  }
}
