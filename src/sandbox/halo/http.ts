/** Small HTTP helpers for the Halo sandbox: bodies, replies, and query parameters the ASP.NET way. */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Large enough for a 100k-user batch, small enough that a runaway client cannot exhaust memory. */
const MAX_BODY_BYTES = 128 * 1024 * 1024;

export class BodyTooLargeError extends Error {}

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLargeError(`request body over ${MAX_BODY_BYTES} bytes`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

export function sendText(res: ServerResponse, status: number, body: string, contentType = 'text/plain; charset=utf-8', headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(body), ...headers });
  res.end(body);
}

export function sendEmpty(res: ServerResponse, status: number, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Length': 0, ...headers });
  res.end();
}

/** ASP.NET ProblemDetails, the shape Halo's API uses for validation failures. */
export function problem(status: number, title: string, errors: Record<string, string[]>): Record<string, unknown> {
  return { type: PROBLEM_TYPES[status] ?? 'about:blank', title, status, errors };
}

const PROBLEM_TYPES: Record<number, string> = {
  400: 'https://tools.ietf.org/html/rfc7231#section-6.5.1',
  403: 'https://tools.ietf.org/html/rfc7231#section-6.5.3',
  404: 'https://tools.ietf.org/html/rfc7231#section-6.5.4',
  405: 'https://tools.ietf.org/html/rfc7231#section-6.5.5',
  413: 'https://tools.ietf.org/html/rfc7231#section-6.5.11',
};

export const VALIDATION_TITLE = 'One or more validation errors occurred.';

/** A query parameter was malformed: answered 400 naming it, as ASP.NET model binding does. */
export class QueryError extends Error {
  constructor(
    readonly parameter: string,
    message: string,
  ) {
    super(message);
  }
}

/** Query parameters with ASP.NET's case-insensitive names and typed accessors. */
export class Query {
  private readonly values = new Map<string, string>();

  constructor(search: URLSearchParams) {
    for (const [key, value] of search) this.values.set(key.toLowerCase(), value);
  }

  string(name: string): string | undefined {
    const value = this.values.get(name.toLowerCase());
    return value === undefined || value === '' ? undefined : value;
  }

  bool(name: string, fallback: boolean): boolean {
    const value = this.string(name);
    if (value === undefined) return fallback;
    if (/^true$/i.test(value)) return true;
    if (/^false$/i.test(value)) return false;
    throw new QueryError(name, `The value '${value}' is not valid for ${name}.`);
  }

  /** An integer at least `min`, or undefined when absent. */
  int(name: string, min: number): number | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    const n = Number(value);
    if (!/^-?\d+$/.test(value) || !Number.isSafeInteger(n)) throw new QueryError(name, `The value '${value}' is not valid for ${name}.`);
    if (n < min) throw new QueryError(name, `${name} must be at least ${min}, got ${n}.`);
    return n;
  }
}
