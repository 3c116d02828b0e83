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
}

export function createFaultInjector(faults: SeedFaults = {}): FaultInjector {
  const random = seededRandom(faults.seed ?? 1);
  const errorRate = clampRate(faults.googleErrorRate);
  const rateLimitRate = clampRate(faults.googleRateLimitRate);
  return {
    latencyMs: Math.max(0, faults.latencyMs ?? 0),
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
