/** The pure planner: the only entry points other layers use. */
export { buildPlan, type PlanOutcome } from './build.js';
export { missingLinkedIds } from './missing-linked.js';
export { explainPerson, type Explanation, type ExplainedPerson, type HaloRecordSummary } from './explain.js';
export type { ImportTrace, AccessTrace, MatchHow } from './context.js';
export type { MappingTrace } from './placement.js';
export { samePlan } from './same-plan.js';
export { configDigest, snapshotDigest, canonicalJson } from './digest.js';
export { SIGN_IN_SETTINGS } from './sign-in-settings.js';
export type * from './types.js';
