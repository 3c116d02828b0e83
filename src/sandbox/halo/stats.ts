/** The Halo sandbox's request log: counts by endpoint (ids collapsed), by status, and faults by kind. */
import type { RequestStats } from '../server-types.js';

export class StatsRecorder {
  private stats: RequestStats = empty();

  /** One request answered with `status`, or dropped (`status` undefined: a lost response). */
  record(endpoint: string, status: number | undefined): void {
    this.stats.total += 1;
    this.stats.byEndpoint[endpoint] = (this.stats.byEndpoint[endpoint] ?? 0) + 1;
    if (status !== undefined) this.stats.byStatus[String(status)] = (this.stats.byStatus[String(status)] ?? 0) + 1;
  }

  fault(kind: 'error' | 'rateLimited' | 'lostResponse'): void {
    this.stats.faults[kind] = (this.stats.faults[kind] ?? 0) + 1;
  }

  snapshot(): RequestStats {
    return structuredClone(this.stats);
  }

  reset(): void {
    this.stats = empty();
  }
}

function empty(): RequestStats {
  return { total: 0, byEndpoint: {}, byStatus: {}, faults: {} };
}
