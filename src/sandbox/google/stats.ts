/** The request log behind `stats()` and `GET /_sandbox/stats`. */
import type { RequestStats } from '../server-types.js';

export class StatsRecorder {
  private data: RequestStats = StatsRecorder.empty();

  private static empty(): RequestStats {
    return { total: 0, byEndpoint: {}, byStatus: {}, faults: {} };
  }

  /** `endpoint` is `METHOD /path` with ids collapsed, e.g. `GET /admin/directory/v1/users/{userKey}`. */
  record(endpoint: string, status: number): void {
    this.data.total += 1;
    this.data.byEndpoint[endpoint] = (this.data.byEndpoint[endpoint] ?? 0) + 1;
    this.data.byStatus[String(status)] = (this.data.byStatus[String(status)] ?? 0) + 1;
  }

  fault(kind: 'error' | 'rateLimited'): void {
    this.data.faults[kind] = (this.data.faults[kind] ?? 0) + 1;
  }

  snapshot(): RequestStats {
    return structuredClone(this.data);
  }

  reset(): void {
    this.data = StatsRecorder.empty();
  }
}
