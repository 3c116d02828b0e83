/**
 * Turns a Halo response body into a short, redacted, human sentence for an ApiError: Halo's own
 * message for its JSON error shapes ({resultCode, errorMessage}, {ClassName, Message}, {Message},
 * {error}, ASP.NET validation {title, errors: {"[1].field": [...]}}, an `errors` string list), the
 * <title> (or first text) of an HTML error page instead of kilobytes of markup, or the first line of
 * plain text.
 */
import { htmlSummary, looksLikeHtml } from '../diagnostics/html.js';
import { redactSecrets } from '../diagnostics/redact.js';

// parse.ts reads these from here, with truncate.
export { htmlSummary, looksLikeHtml };

export interface BodySummary {
  excerpt: string;
  /** Halo's error code when the body had one (`invalid_client`, `APP03/2`, a resultCode). */
  reason?: string;
  /** Field paths named by a validation error, e.g. `[1].nosuchfield`. */
  fieldPaths: string[];
}

const MAX_EXCERPT = 300;

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

function jsonSummary(body: unknown): { text: string; reason?: string; fieldPaths: string[] } | undefined {
  if (typeof body === 'string') return { text: body, fieldPaths: [] };
  if (Array.isArray(body)) {
    const strings = body.filter((x): x is string => typeof x === 'string');
    return strings.length ? { text: strings.join('; '), fieldPaths: [] } : undefined;
  }
  if (!body || typeof body !== 'object') return undefined;
  const o = body as Record<string, unknown>;
  const fieldPaths: string[] = [];
  const parts: string[] = [];
  const errors = o.errors;
  if (errors && typeof errors === 'object' && !Array.isArray(errors)) {
    for (const [path, messages] of Object.entries(errors as Record<string, unknown>)) {
      fieldPaths.push(path);
      const list = Array.isArray(messages) ? messages.map(String) : [String(messages)];
      parts.push(`${path}: ${list.join(', ')}`);
    }
  } else if (Array.isArray(errors)) {
    parts.push(...errors.map((e) => (typeof e === 'string' ? e : (str((e as Record<string, unknown>)?.message) ?? JSON.stringify(e)))));
  }
  const message =
    str(o.errorMessage) ?? str(o.error_description) ?? str(o.Message) ?? str(o.message) ?? str(o.title) ?? str(o.detail);
  const error = str(o.error);
  const code = str(o.resultCode) ?? (typeof o.resultCode === 'number' ? String(o.resultCode) : undefined);
  let text = [message, parts.join('; ') || undefined].filter(Boolean).join(': ');
  if (!text) text = error ?? code ?? '';
  else if (error && !text.includes(error)) text = `${text} (${error})`;
  if (!text) return undefined;
  const reason = (error && /^[a-z_]+$/i.test(error) ? error : undefined) ?? code;
  return { text, reason, fieldPaths };
}

export function truncate(text: string, max = MAX_EXCERPT): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Redaction runs before truncation, so a secret cut in half can never leak its first half. */
export function summarizeBody(text: string, contentType: string | null | undefined, secrets: readonly string[]): BodySummary {
  let summary: { text: string; reason?: string; fieldPaths: string[] } = { text: '', fieldPaths: [] };
  if (looksLikeHtml(text, contentType)) summary = { text: htmlSummary(text), fieldPaths: [] };
  else {
    let parsed: unknown;
    let isJson = false;
    try {
      parsed = JSON.parse(text);
      isJson = true;
    } catch {
      isJson = false;
    }
    summary = (isJson && jsonSummary(parsed)) || { text: collapse(text.split('\n').slice(0, 3).join(' ')), fieldPaths: [] };
  }
  const excerpt = truncate(collapse(redactSecrets(summary.text, secrets)));
  // Halo's business errors read like "CODE:APP03/2 Please select the CAB members to approve".
  const code = summary.reason ?? /CODE:\s*([A-Z0-9/._-]+)/i.exec(summary.text)?.[1];
  const reason = code ? redactSecrets(code, secrets) : undefined;
  return { excerpt, ...(reason ? { reason } : {}), fieldPaths: summary.fieldPaths.map((p) => redactSecrets(p, secrets)) };
}
