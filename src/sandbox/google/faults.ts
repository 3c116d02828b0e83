/**
 * Fault injection for the Google sandbox, reproducible from `faults.seed`: every Directory request
 * draws the same number of values from the seeded PRNG, whatever happens to it, so the same seed and
 * the same request sequence always give the same faults.
 */
import { seededRandom } from '../prng.js';
import type { SeedFaults } from '../seed-types.js';
import { fail } from './errors.js';
import type { GoogleFailure } from './errors.js';

export interface FaultInjector {
  /** The fault for the next Directory request, if any. */
  next(): { failure: GoogleFailure; kind: 'error' | 'rateLimited' } | undefined;
  latencyMs: number;
  /** Switches the random faults and latency off (a test control: POST /_sandbox/faults/off). */
  off(): void;
}

export function createFaultInjector(faults: SeedFaults = {}): FaultInjector {
  const random = seededRandom(faults.seed ?? 1);
  let errorRate = clampRate(faults.googleErrorRate);
  let rateLimitRate = clampRate(faults.googleRateLimitRate);
  return {
    latencyMs: Math.max(0, faults.latencyMs ?? 0),
    off() {
      errorRate = 0;
      rateLimitRate = 0;
      this.latencyMs = 0;
    },
    next() {
      const errorDraw = random();
      const limitDraw = random();
      const kindDraw = random();
      if (errorDraw < errorRate) return { failure: fail.backendError(), kind: 'error' };
      if (limitDraw < rateLimitRate) {
        return { failure: kindDraw < 0.5 ? fail.rateLimit() : fail.userRateLimit(), kind: 'rateLimited' };
      }
      return undefined;
    },
  };
}

function clampRate(rate: number | undefined): number {
  return rate === undefined || !Number.isFinite(rate) ? 0 : Math.min(1, Math.max(0, rate));
}
