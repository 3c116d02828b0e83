/**
 * The request core and the client's ONE error boundary: every request goes through `send`, which
 * takes a rate-budget slot, adds the bearer token (renewed once on a 401), applies a timeout,
 * retries transient failures with backoff, and turns every failure into a HaloApiError with a short
 * redacted excerpt. A request that creates records is never repeated after it may have reached Halo:
 * that failure is reported as ambiguous instead, so apply can re-read before creating again.
 */
import { backoffDelay, parseRetryAfter, rateLimitedDelay, type RetryPolicy } from './backoff.js';
import { AMBIGUOUS_WRITE, HaloApiError } from './errors.js';
import { summarizeBody } from './excerpt.js';
import type { RateBudget } from './rate-budget.js';
import type { Clock, ProgressListener, Sleep } from './types.js';

export interface TokenSource {
  /** A valid access token, fetched or renewed as needed. */
  token(): Promise<string>;
  /** Halo refused this token (401): forget it so the next `token()` fetches a new one. */
  invalidate(token: string): void;
}

export interface HttpCoreOptions {
  fetch: typeof fetch;
  clock: Clock;
  sleep: Sleep;
  random: () => number;
  budget: RateBudget | undefined;
  retry: RetryPolicy;
  timeoutMs: number;
  /** Values to scrub from every excerpt: the client secret and the tokens in use. */
  secrets: () => readonly string[];
  onProgress?: ProgressListener;
}

export interface SendRequest {
  method: 'GET' | 'POST' | 'DELETE';
  url: string;
  /** How errors name the call: `/api/Users?page_no=2`, or the token URL without its query. */
  label: string;
  headers?: Record<string, string>;
  body?: string;
  /** Safe to repeat after a failure that may have reached Halo (reads, updates by id). */
  idempotent: boolean;
  auth?: TokenSource;
}

export interface RawResponse {
  status: number;
  contentType: string | null;
  text: string;
}

type Attempt =
  | { kind: 'response'; status: number; headers: Headers; text: string }
  | { kind: 'network'; sent: boolean; transient: boolean; detail: string; cause: unknown };

/** Failures that prove the request never left this machine, and failures no retry will fix. */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);
const PERMANENT = /^(ENOTFOUND|ERR_INVALID_URL|CERT_|ERR_TLS_|ERR_SSL_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_)/;

/** A network error's code (ECONNREFUSED, ENOTFOUND, a TLS code): fetch puts it on `cause`. */
export function errorCode(error: unknown): string | undefined {
  const e = error as { code?: unknown; cause?: { code?: unknown } } | undefined;
  const code = e?.cause?.code ?? e?.code;
  return typeof code === 'string' ? code : undefined;
}

export function classifyNetworkError(error: unknown, timeoutMs: number): Omit<Extract<Attempt, { kind: 'network' }>, 'kind' | 'cause'> {
  const name = (error as { name?: unknown } | undefined)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return { sent: true, transient: true, detail: `no complete response within ${Math.round(timeoutMs / 100) / 10} s` };
  }
  const code = errorCode(error);
  const message = (error as { cause?: { message?: unknown }; message?: unknown } | undefined)?.cause?.message ?? (error as Error)?.message;
  const detail = `${code === 'ECONNREFUSED' ? 'connection refused' : code === 'ENOTFOUND' ? 'host not found' : String(message ?? 'network error')}${code ? ` (${code})` : ''}`;
  return { sent: !(code && NOT_SENT.has(code)), transient: !(code && PERMANENT.test(code)), detail };
}

/** What a user can do about an authorisation failure the API (not the token endpoint) reported. */
function withHint(status: number, excerpt: string, authenticated: boolean): string {
  const hint =
    status === 401 && authenticated
      ? 'Halo refused a freshly issued token: check that the API application allows this access and that HALO_TENANT / HALO_AUTH_URL point at this instance'
      : status === 403
        ? "the Halo API application or the agent it logs in as lacks permission for this (Configuration > Integrations > Halo API: the application's permissions, and the agent's role)"
        : '';
  return [excerpt, hint].filter(Boolean).join(' — ');
}

export class HttpCore {
  /** Requests sent (attempts, including retries and token requests). */
  requests = 0;
  retries = 0;

  constructor(private readonly o: HttpCoreOptions) {}

  async send(req: SendRequest): Promise<RawResponse> {
    const started = this.o.clock.now();
    let retry = 0;
    let rateLimited = 0;
    let renewed = false;
    for (;;) {
      const token = req.auth ? await req.auth.token() : undefined;
      const outcome = await this.attempt(req, token);
      let delay: number;
      let cause: string;
      let failure: HaloApiError;
      if (outcome.kind === 'response') {
        const { status, headers, text } = outcome;
        if (status >= 200 && status < 300) return { status, contentType: headers.get('content-type'), text };
        if (status === 401 && token !== undefined && !renewed) {
          // An expired or revoked token: renew once and repeat (Halo did not act on the request).
          renewed = true;
          req.auth?.invalidate(token);
          continue;
        }
        const summary = summarizeBody(text, headers.get('content-type'), this.o.secrets());
        const fields = { reason: summary.reason, fieldPaths: summary.fieldPaths };
        if (!(status === 429 || status === 408 || status >= 500)) {
          throw new HaloApiError(req.method, req.label, status, withHint(status, summary.excerpt, token !== undefined), fields);
        }
        if (status >= 500 && !req.idempotent) throw this.ambiguous(req, status, summary.excerpt || `HTTP ${status}`);
        failure = new HaloApiError(req.method, req.label, status, summary.excerpt, { ...fields, retryable: true });
        if (status === 429) {
          rateLimited += 1;
          delay = rateLimitedDelay(rateLimited, parseRetryAfter(headers.get('retry-after'), this.o.clock.now()), this.o.retry, this.o.random);
        } else {
          const asked = parseRetryAfter(headers.get('retry-after'), this.o.clock.now()) ?? 0;
          delay = Math.max(asked, backoffDelay(retry + 1, this.o.retry, this.o.random));
        }
        cause = `HTTP ${status}`;
      } else {
        if (!outcome.transient) throw new HaloApiError(req.method, req.label, undefined, outcome.detail, { cause: outcome.cause });
        if (outcome.sent && !req.idempotent) throw this.ambiguous(req, undefined, outcome.detail, outcome.cause);
        failure = new HaloApiError(req.method, req.label, undefined, outcome.detail, { cause: outcome.cause, retryable: true });
        delay = backoffDelay(retry + 1, this.o.retry, this.o.random);
        cause = outcome.detail;
      }
      const elapsed = this.o.clock.now() - started;
      if (retry >= this.o.retry.maxRetries || elapsed + delay > this.o.retry.maxElapsedMs) throw this.gaveUp(failure, retry + 1, elapsed);
      retry += 1;
      this.retries += 1;
      this.o.onProgress?.({ type: 'retry', method: req.method, path: req.label, attempt: retry, delayMs: delay, cause });
      await this.o.sleep(delay);
    }
  }

  private async attempt(req: SendRequest, token: string | undefined): Promise<Attempt> {
    const slot = await this.o.budget?.acquire();
    this.requests += 1;
    try {
      const headers: Record<string, string> = { accept: 'application/json', ...req.headers };
      if (token !== undefined) headers.authorization = `Bearer ${token}`;
      const response = await this.o.fetch(req.url, {
        method: req.method,
        headers,
        body: req.body,
        signal: AbortSignal.timeout(this.o.timeoutMs),
      });
      // Reading the body is part of the request: a connection dropped mid-body is a network failure.
      const text = await response.text();
      return { kind: 'response', status: response.status, headers: response.headers, text };
    } catch (error) {
      return { kind: 'network', ...classifyNetworkError(error, this.o.timeoutMs), cause: error };
    } finally {
      slot?.done();
    }
  }

  private ambiguous(req: SendRequest, status: number | undefined, detail: string, cause?: unknown): HaloApiError {
    return new HaloApiError(
      req.method,
      req.label,
      status,
      `${detail}; the write may or may not have been saved (not repeated: re-read before creating again)`,
      { cause, retryable: true, ambiguous: true, reason: AMBIGUOUS_WRITE },
    );
  }

  private gaveUp(last: HaloApiError, attempts: number, elapsedMs: number): HaloApiError {
    const seconds = Math.round(elapsedMs / 1000);
    return new HaloApiError(last.method, last.path, last.status, `${last.excerpt || 'no response'} (gave up after ${attempts} attempt(s) over ${seconds} s)`, {
      cause: last.cause,
      reason: last.reason,
      retryable: true,
      fieldPaths: last.fieldPaths,
    });
  }
}
