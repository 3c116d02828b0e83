/**
 * Client-side sliding-window rate budget. Hosted Halo allows 300 requests per rolling 5 minutes and
 * answers 429 past that; waiting on our side is cheaper than being refused, so every request (token
 * requests included) takes a slot first. A slot counts from when its request starts until it
 * finishes, and then for one window after it FINISHED: the server saw the request no later than
 * that, so our window never ends before Halo's does.
 */
import { HaloSetupError } from './endpoint.js';
import type { Clock, Sleep } from './types.js';

export interface RateLimit {
  requests: number;
  windowSeconds: number;
}

export const HOSTED_HALO_RATE_LIMIT: RateLimit = { requests: 300, windowSeconds: 300 };

/** `300/300` (requests per seconds) or `off`; anything else is a user error naming the variable. */
export function parseRateLimitSetting(text: string, source = 'HALO_RATE_LIMIT'): RateLimit | 'off' {
  const value = text.trim().toLowerCase();
  if (['off', 'none', 'false', '0'].includes(value)) return 'off';
  const match = /^(\d+)\s*\/\s*(\d+(?:\.\d+)?)\s*s?$/.exec(value);
  const requests = match ? Number(match[1]) : NaN;
  const windowSeconds = match ? Number(match[2]) : NaN;
  if (!(requests >= 1) || !(windowSeconds > 0)) {
    throw new HaloSetupError(`${source}="${text}" is not a rate limit: use REQUESTS/SECONDS (e.g. 300/300) or off`);
  }
  return { requests, windowSeconds };
}

/** Explicit option first, then the environment, then hosted Halo's limit (on by default). */
export function resolveRateLimit(option: RateLimit | 'off' | undefined, env: Record<string, string | undefined>): RateLimit | 'off' {
  if (option !== undefined) return option;
  const fromEnv = env.HALO_RATE_LIMIT?.trim();
  return fromEnv ? parseRateLimitSetting(fromEnv) : HOSTED_HALO_RATE_LIMIT;
}

export interface RateSlot {
  /** Marks the request finished; its window starts now. */
  done(): void;
}

interface Entry {
  at: number;
  pending: boolean;
}

export class RateBudget {
  private entries: Entry[] = [];
  private queue: Promise<unknown> = Promise.resolve();
  private wake: (() => void) | undefined;
  private readonly windowMs: number;
  private readonly marginMs: number;

  constructor(
    readonly limit: RateLimit,
    private readonly clock: Clock,
    private readonly sleep: Sleep,
    private readonly onWait?: (waitMs: number) => void,
  ) {
    this.windowMs = limit.windowSeconds * 1000;
    // Guards clock granularity between us and the server: 0.5 % of the window, 50 ms to 1 s.
    this.marginMs = Math.min(1000, Math.max(50, this.windowMs * 0.005));
  }

  /** Resolves when a request may be sent; callers take slots in FIFO order. */
  acquire(): Promise<RateSlot> {
    const next = this.queue.then(() => this.take());
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Requests counted in the current window (for tests and diagnostics). */
  inWindow(): number {
    this.prune();
    return this.entries.length;
  }

  private async take(): Promise<RateSlot> {
    for (;;) {
      this.prune();
      if (this.entries.length < this.limit.requests) {
        const entry: Entry = { at: this.clock.now(), pending: true };
        this.entries.push(entry);
        return {
          done: () => {
            if (!entry.pending) return;
            entry.pending = false;
            entry.at = this.clock.now();
            this.wake?.();
          },
        };
      }
      const finished = this.entries.filter((e) => !e.pending);
      if (finished.length === 0) {
        // Every slot is in flight: wait for one to finish, then for its window.
        await new Promise<void>((resolve) => (this.wake = resolve));
        this.wake = undefined;
        continue;
      }
      const oldest = Math.min(...finished.map((e) => e.at));
      const waitMs = Math.max(1, oldest + this.windowMs + this.marginMs - this.clock.now());
      this.onWait?.(waitMs);
      await this.sleep(waitMs);
    }
  }

  private prune(): void {
    const cutoff = this.clock.now() - this.windowMs - this.marginMs;
    this.entries = this.entries.filter((e) => e.pending || e.at > cutoff);
  }
}
