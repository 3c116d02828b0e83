/** What both sandbox servers expose to the orchestrator, tests and benchmarks. */

/** Request counts by `METHOD /path` (path without query string, ids collapsed to `{id}`). */
export interface RequestStats {
  total: number;
  byEndpoint: Record<string, number>;
  /** Responses by status code, e.g. `{ "200": 12, "429": 1 }`. */
  byStatus: Record<string, number>;
  /** Faults injected so far, by kind (`error`, `rateLimited`, `lostResponse`). */
  faults: Record<string, number>;
}

export interface RunningServer {
  /** Base URL, e.g. `http://127.0.0.1:43121` (no trailing slash). */
  url: string;
  port: number;
  stats(): RequestStats;
  resetStats(): void;
  close(): Promise<void>;
}
