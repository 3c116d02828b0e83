/**
 * Scripted answers: a test-control hook for end-to-end tests that need one exact Directory request
 * to fail or to answer garbage ("the members read of this group answers 503 every time", "the
 * second users page is an HTML page"), which the seed's random faults cannot aim. Open and
 * uncounted like `/_sandbox/stats`; the same shape as the Halo sandbox's scripted faults.
 *
 *   POST   /_sandbox/faults  { "rules": [ { "endpoint": "GET /admin/directory/v1/users", "status": 503,
 *                                           "urlIncludes": "customer=C04kystn1", "times": 100 } ] }
 *   GET    /_sandbox/faults  → { "rules": [ …with `times` counting down… ] }
 *   DELETE /_sandbox/faults  → clears every rule
 *
 * A rule matches a Directory request by its endpoint key (as in `/_sandbox/stats`, ids collapsed)
 * and, optionally, a substring of its decoded URL (path and query). The first matching rule with
 * `times` left fires after letting `skip` matching requests through. Without `body` it answers
 * Google's error JSON for `status` (400–599); with `body` it answers that raw text (with
 * `contentType`, default application/json) at any status from 200.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export const SCRIPTED_PATH = '/_sandbox/faults';

export interface ScriptedAnswerRule {
  endpoint: string;
  status: number;
  urlIncludes?: string;
  body?: string;
  contentType?: string;
  times?: number;
  skip?: number;
}

export interface ScriptedAnswer {
  status: number;
  /** Raw text; absent: Google's error JSON for the status. */
  body?: string;
  contentType: string;
}

function isRule(value: unknown): value is ScriptedAnswerRule {
  const r = value as ScriptedAnswerRule | null;
  return (
    typeof r === 'object' && r !== null && typeof r.endpoint === 'string' &&
    Number.isInteger(r.status) && r.status >= (typeof r.body === 'string' ? 200 : 400) && r.status <= 599 &&
    (r.body === undefined || typeof r.body === 'string') &&
    (r.contentType === undefined || typeof r.contentType === 'string') &&
    (r.urlIncludes === undefined || typeof r.urlIncludes === 'string') &&
    (r.times === undefined || (Number.isInteger(r.times) && r.times > 0)) &&
    (r.skip === undefined || (Number.isInteger(r.skip) && r.skip >= 0))
  );
}

function decoded(url: string): string {
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
}

export class ScriptedAnswers {
  private rules: Array<ScriptedAnswerRule & { times: number }> = [];

  /** The scripted answer for this request, if a rule matches; counts the rule down. */
  draw(endpoint: string, url: string): ScriptedAnswer | undefined {
    const text = decoded(url);
    const rule = this.rules.find((r) => r.times > 0 && r.endpoint.toLowerCase() === endpoint.toLowerCase() && (r.urlIncludes === undefined || text.includes(r.urlIncludes)));
    if (!rule) return undefined;
    if (rule.skip) {
      rule.skip -= 1;
      return undefined;
    }
    rule.times -= 1;
    this.rules = this.rules.filter((r) => r.times > 0);
    return { status: rule.status, ...(rule.body === undefined ? {} : { body: rule.body }), contentType: rule.contentType ?? 'application/json; charset=UTF-8' };
  }

  async control(method: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const send = (status: number, body?: unknown) => {
      res.writeHead(status, body === undefined ? {} : { 'content-type': 'application/json; charset=UTF-8' });
      res.end(body === undefined ? '' : JSON.stringify(body));
    };
    if (method === 'GET') return send(200, { rules: this.rules });
    if (method === 'DELETE') {
      this.rules = [];
      return send(204);
    }
    if (method !== 'POST') return send(405, { error: 'GET, POST or DELETE /_sandbox/faults' });
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    let parsed: unknown;
    try {
      parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      parsed = undefined;
    }
    const rules = (parsed as { rules?: unknown } | undefined)?.rules;
    if (!Array.isArray(rules) || !rules.every(isRule)) {
      return send(400, { error: 'Expected { "rules": [ { "endpoint": "GET /admin/directory/v1/users", "status": 503, "urlIncludes"?: "…", "body"?: "raw text", "contentType"?: "…", "times"?: n, "skip"?: n } ] }' });
    }
    this.rules.push(...rules.map((r) => ({ ...r, times: r.times ?? 1 })));
    send(200, { rules: this.rules });
  }
}
