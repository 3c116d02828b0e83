import { describe, expect, it } from 'vitest';
import { HOSTED_HALO_RATE_LIMIT, parseRateLimitSetting } from '../../src/halo/index.js';
import { RateBudget, resolveRateLimit } from '../../src/halo/rate-budget.js';
import { HaloSetupError } from '../../src/halo/endpoint.js';
import { fakeTime } from './fake-time.js';

describe('rate budget (sliding window)', () => {
  it('lets the limit through at once, then waits until the oldest request leaves the window', async () => {
    const time = fakeTime();
    const waits: number[] = [];
    const budget = new RateBudget({ requests: 3, windowSeconds: 10 }, time.clock, time.sleep, (ms) => waits.push(ms));
    const start = time.clock.now();
    for (let i = 0; i < 3; i++) {
      const slot = await budget.acquire();
      time.advance(100); // each request takes 100 ms
      slot.done();
    }
    expect(waits).toEqual([]);
    expect(budget.inWindow()).toBe(3);
    await budget.acquire();
    // The first request finished at +100 ms; its window (10 s + margin) ends after that.
    expect(time.clock.now() - start).toBeGreaterThanOrEqual(100 + 10_000);
    expect(time.clock.now() - start).toBeLessThan(100 + 10_000 + 1_000);
    expect(waits).toHaveLength(1);
  });

  it('never lets more than the limit into any window, over many requests', async () => {
    const time = fakeTime();
    const budget = new RateBudget({ requests: 5, windowSeconds: 2 }, time.clock, time.sleep);
    const sent: number[] = [];
    for (let i = 0; i < 40; i++) {
      const slot = await budget.acquire();
      sent.push(time.clock.now());
      time.advance(37);
      slot.done();
    }
    for (const t of sent) expect(sent.filter((s) => s >= t && s < t + 2000).length).toBeLessThanOrEqual(5);
    // And it is not needlessly slow: 40 requests at 5 per 2 s take about 8 windows.
    expect(sent.at(-1)! - sent[0]!).toBeLessThan(9 * 2000 + 8 * 200);
  });

  it('counts requests still in flight and waits for one to finish when all slots are busy', async () => {
    const time = fakeTime();
    const budget = new RateBudget({ requests: 2, windowSeconds: 1 }, time.clock, time.sleep);
    const a = await budget.acquire();
    const b = await budget.acquire();
    let third = false;
    const pending = budget.acquire().then((slot) => {
      third = true;
      return slot;
    });
    await new Promise((r) => setTimeout(r, 5));
    expect(third).toBe(false);
    a.done();
    b.done();
    await pending;
    expect(third).toBe(true);
    expect(time.sleeps.reduce((x, y) => x + y, 0)).toBeGreaterThanOrEqual(1000);
  });
});

describe('rate limit settings', () => {
  it('parses REQUESTS/SECONDS and off', () => {
    expect(parseRateLimitSetting('300/300')).toEqual({ requests: 300, windowSeconds: 300 });
    expect(parseRateLimitSetting(' 20 / 2s ')).toEqual({ requests: 20, windowSeconds: 2 });
    expect(parseRateLimitSetting('OFF')).toBe('off');
  });

  it('refuses nonsense naming the variable', () => {
    expect(() => parseRateLimitSetting('fast')).toThrow(HaloSetupError);
    expect(() => parseRateLimitSetting('0/10')).toThrow(/HALO_RATE_LIMIT="0\/10"/);
  });

  it('is on by default at hosted Halo’s limit; an explicit option beats the environment', () => {
    expect(resolveRateLimit(undefined, {})).toEqual(HOSTED_HALO_RATE_LIMIT);
    expect(resolveRateLimit(undefined, { HALO_RATE_LIMIT: 'off' })).toBe('off');
    expect(resolveRateLimit({ requests: 7, windowSeconds: 1 }, { HALO_RATE_LIMIT: 'off' })).toEqual({ requests: 7, windowSeconds: 1 });
  });
});
