/**
 * `doctor` as a use case: the config check, then the Halo and Google checks (run side by side:
 * they are independent, and a user should see every problem at once), in a fixed order.
 * Rendering and the exit code are the shell's job (src/cli/commands/doctor.ts).
 */
import { checkConfig, doctorReport, runGoogleChecks, runHaloChecks, type DoctorReport } from '../doctor/index.js';

export interface DoctorRequest {
  configFile: string;
  cwd: string;
  env: Record<string, string | undefined>;
  /** For Halo requests (tests may inject one); default the global fetch. */
  fetch?: typeof fetch;
  /** Per request, both services; default 15 s for Halo and 30 s for Google. */
  timeoutMs?: number;
}

export async function runDoctor(request: DoctorRequest): Promise<DoctorReport> {
  const config = await checkConfig(request.configFile, request.cwd);
  const timeout = request.timeoutMs === undefined ? {} : { timeoutMs: request.timeoutMs };
  const [halo, google] = await Promise.all([
    runHaloChecks(config.loaded, request.env, { ...timeout, ...(request.fetch ? { fetch: request.fetch } : {}) }),
    runGoogleChecks(config.loaded, request.env, timeout),
  ]);
  return doctorReport([config.check, ...halo, ...google]);
}
