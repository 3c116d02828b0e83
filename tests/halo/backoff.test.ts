import { describe, expect, it } from 'vitest';
import { backoffDelay, DEFAULT_RETRY_POLICY, parseRetryAfter, rateLimitedDelay } from '../../src/halo/backoff.js';

describe('Retry-After', () => {
  const now = Date.UTC(2025, 0, 6, 9, 0, 0);
  it('reads delta-seconds and HTTP-dates', () => {
    expect(parseRetryAfter('7', now)).toBe(7000);
    expect(parseRetryAfter('1.5', now)).toBe(1500);
    expect(parseRetryAfter(new Date(now + 42_000).toUTCString(), now)).toBe(42_000);
    expect(parseRetryAfter(new Date(now - 5_000).toUTCString(), now)).toBe(0);
  });
  it('ignores what it cannot read', () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });
});

describe('backoff', () => {
  it('full jitter grows exponentially up to the cap', () => {
    const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 100, maxDelayMs: 1000 };
    expect(backoffDelay(1, policy, () => 0.999)).toBe(100);
    expect(backoffDelay(3, policy, () => 0.999)).toBe(400);
    expect(backoffDelay(10, policy, () => 0.999)).toBe(999);
    expect(backoffDelay(3, policy, () => 0)).toBe(0);
  });
  it('after a 429 honours Retry-After, else waits at least the rate-limited floor', () => {
    const policy = { ...DEFAULT_RETRY_POLICY, rateLimitedDelayMs: 30_000, maxDelayMs: 60_000 };
    expect(rateLimitedDelay(1, 2000, policy, () => 0.5)).toBe(2000);
    expect(rateLimitedDelay(1, undefined, policy, () => 0)).toBe(30_000);
    expect(rateLimitedDelay(2, undefined, policy, () => 0)).toBe(60_000);
    expect(rateLimitedDelay(5, undefined, policy, () => 0)).toBe(60_000);
    // 5-second waits were too short for hosted Halo (HaloAPI#31).
    expect(rateLimitedDelay(1, undefined, DEFAULT_RETRY_POLICY, Math.random)).toBeGreaterThanOrEqual(30_000);
  });
});
