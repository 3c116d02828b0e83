/**
 * What the generator knows it planted, so the config's safety limits can be set to let the
 * steady-state plan through (a bench plan refused by safety would not measure apply-able work).
 */
export interface Tally {
  /** Deactivations the planted data should cause (suspended, leavers, movers, licence). */
  deactivations: number;
}

export function newTally(): Tally {
  return { deactivations: 0 };
}
