/**
 * The apply journal: JSON Lines, one entry per event, appended as it happens. Each line is written
 * with a synchronous write on a file opened for appending, so a crash (or a kill) mid-run leaves
 * every completed line on disk; the file is fsync'ed on close. Entries never carry a secret, a
 * token or a header: only plan data, request endpoints and the client's redacted error messages.
 *
 *   {"type":"start", …}  {"type":"batch", …}  {"type":"operation", …} … {"type":"end", …}
 */
import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';
import { redactSecrets } from '../diagnostics/redact.js';

export interface Journal {
  /** Appends one entry (`type`, `time` and `run` are added). */
  entry(type: 'start' | 'batch' | 'operation' | 'end', fields: Record<string, unknown>): void;
}

export interface JournalFile extends Journal {
  readonly path: string;
  close(): void;
}

/** A journal that keeps nothing (no --journal given). */
export const noJournal: Journal = { entry() {} };

export interface JournalOptions {
  runId: string;
  now?: () => Date;
  /** Values scrubbed from every line as a last line of defence (the client secret, tokens). */
  secrets?: ReadonlyArray<string | undefined>;
}

export function openJournalFile(path: string, options: JournalOptions): JournalFile {
  // 'a': append, create if missing; 0o600: a journal names people.
  const fd = openSync(path, 'a', 0o600);
  let open = true;
  const now = options.now ?? (() => new Date());
  return {
    path,
    entry(type, fields) {
      if (!open) return;
      const line = JSON.stringify({ type, time: now().toISOString(), run: options.runId, ...fields });
      writeSync(fd, `${redactSecrets(line, options.secrets ?? [])}\n`);
    },
    close() {
      if (!open) return;
      open = false;
      try {
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    },
  };
}
