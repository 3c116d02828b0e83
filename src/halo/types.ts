/**
 * Small shared types of the Halo client: the injectable clock and sleep (tests drive time without
 * waiting), and the progress events the client reports while it reads, waits and writes.
 */

/** Milliseconds since the epoch; injectable so tests control token expiry, Retry-After dates and the rate window. */
export interface Clock {
  now(): number;
}

export type Sleep = (ms: number) => Promise<void>;

export const systemClock: Clock = { now: () => Date.now() };

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** What the client reports while it works; the CLI shows these on stderr. */
export type HaloProgressEvent =
  /** A list read made progress (`total` when Halo said how many there are). */
  | { type: 'read'; resource: string; count: number; total?: number }
  /** The client-side rate budget is full: the next request waits `waitMs`. */
  | { type: 'rate-wait'; waitMs: number; requests: number; windowSeconds: number }
  /** A transient failure (429, 5xx, network); the request is repeated after `delayMs`. */
  | { type: 'retry'; method: string; path: string; attempt: number; delayMs: number; cause: string }
  /** A batched write finished a batch. */
  | { type: 'write'; resource: string; done: number; total: number; failed: number };

export type ProgressListener = (event: HaloProgressEvent) => void;
