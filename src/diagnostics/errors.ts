import type { Diagnostic } from './diagnostic.js';

/**
 * Exceptions are for control flow and faults. Everything a user can fix carries a clear message;
 * the CLI's one top-level catch turns these into an exit code without a stack trace.
 */
export class HaloSyncError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The config (or a plan's references to Halo) has errors; they are all inside. */
export class ConfigError extends HaloSyncError {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(`${diagnostics.filter((d) => d.severity === 'error').length} configuration error(s)`);
  }
}

export type ApiService = 'Halo' | 'Google' | 'GitHub';

/**
 * A remote call failed. Built at exactly one boundary per client. Never carries a token, a secret or
 * an Authorization header: `excerpt` is a short, redacted piece of the response body.
 */
export class ApiError extends HaloSyncError {
  constructor(
    readonly service: ApiService,
    readonly method: string,
    readonly path: string,
    readonly status: number | undefined,
    readonly excerpt: string,
    options?: { cause?: unknown; reason?: string; retryable?: boolean },
  ) {
    super(
      `${service} API ${method} ${path} failed${status === undefined ? '' : ` (${status})`}${excerpt ? `: ${excerpt}` : ''}`,
      { cause: options?.cause },
    );
    this.reason = options?.reason;
    this.retryable = options?.retryable ?? false;
  }
  /** Google's `errors[0].reason` or Halo's error code, when the body had one. */
  readonly reason: string | undefined;
  /** True when the failure was transient (429, 5xx, network) and retries ran out. */
  readonly retryable: boolean;
}

/** A user error that maps to a specific exit code (3: refused by a safety limit or a stale plan). */
export class ExitError extends HaloSyncError {
  constructor(
    readonly exitCode: number,
    message: string,
  ) {
    super(message);
  }
}

/** A bug in halo-sync: printed with a request to file an issue. */
export class InternalError extends HaloSyncError {}
