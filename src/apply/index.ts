/** The apply executor's public face: carry out a plan's writes against Halo, with a journal. */
export { executePlan, type ExecuteOptions } from './executor.js';
export { openJournalFile, type Journal, type JournalFile, type JournalOptions } from './journal.js';
export { changeOutcomes, countOutcomes } from './outcomes.js';
export * from './types.js';
