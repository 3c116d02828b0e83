/**
 * What `halo-sync doctor` reports: an ordered list of checks, each ok / warn / fail / skip with a
 * one-line explanation and, when something is wrong, the fix. The JSON format (`--format json`)
 * is this shape; keep keys stable.
 */
export type CheckStatus = 'ok' | 'warn' | 'fail' | 'skip';

export interface DoctorCheck {
  /** Stable id for scripts, e.g. `halo.token`, `google.users:C03hrbr01`. */
  id: string;
  /** What was checked, e.g. `Halo token`. */
  title: string;
  status: CheckStatus;
  /** One line: what was found (for skip: why the check did not run). */
  detail: string;
  /** What to do about it; may span lines (a scope list to paste, a console path). */
  fix?: string;
  /** Details one per line: config diagnostics, missing groups, scopes. */
  items?: string[];
}

export interface DoctorReport {
  /** True when no check failed (warnings allowed). */
  ok: boolean;
  checks: DoctorCheck[];
}

export function check(id: string, title: string, status: CheckStatus, detail: string, extra: { fix?: string; items?: string[] } = {}): DoctorCheck {
  const out: DoctorCheck = { id, title, status, detail };
  if (extra.fix) out.fix = extra.fix;
  if (extra.items && extra.items.length > 0) out.items = extra.items;
  return out;
}

export function doctorReport(checks: DoctorCheck[]): DoctorReport {
  return { ok: !checks.some((c) => c.status === 'fail'), checks };
}

/** The short reason a dependent check was skipped, naming the check that stopped it. */
export function skipped(id: string, title: string, because: string): DoctorCheck {
  return check(id, title, 'skip', because);
}
