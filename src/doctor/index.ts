/** `halo-sync doctor`'s checks: config, Halo, Google. The use case sequencing them is src/app/run-doctor.ts. */
export { checkConfig, type ConfigOutcome } from './config-check.js';
export { runGoogleChecks, type GoogleCheckOptions } from './google-checks.js';
export { runHaloChecks } from './halo-checks.js';
export type { HaloProbeOptions } from './halo-connect.js';
export { check, doctorReport, skipped, type CheckStatus, type DoctorCheck, type DoctorReport } from './types.js';
