/** Exit codes (DESIGN.md "CLI"), Terraform's convention plus 3 for a refusal. */
export const EXIT = {
  /** Done, or no changes. */
  ok: 0,
  /** An error (invalid config, failed API call, failed writes). */
  error: 1,
  /** Changes present (only with --detailed-exitcode). */
  changes: 2,
  /** Refused by a safety limit or a stale plan. */
  refused: 3,
} as const;
