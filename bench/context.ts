/** What every bench measure needs to know about where it runs. */
export interface BenchContext {
  /** Repository root. */
  root: string;
  /** bin/halo-sync.js (runs lib/, built by `npm run build`). */
  bin: string;
  /** Scratch directory for configs and plans (removed at the end). */
  workDir: string;
  /** Bundled bench entry points. */
  scripts: { sandbox: string; planner: string; rssPreload: string };
  seed: number;
  /** `plan` runs per size below 50k (one at 50k and above). */
  planRuns: number;
  /** buildPlan runs per size in the planner-only measure. */
  plannerRuns: number;
  /** `validate` runs for the cold start. */
  coldRuns: number;
  /** Customer directories per world (default: by size). */
  customers?: number;
}
