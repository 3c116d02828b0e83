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
import { ScriptedRules } from '../scripted-rules.js';

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
    (r.urlIncludes === undefined || typeof r.urlIncludes === 'string')
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
  private readonly rules = new ScriptedRules<ScriptedAnswerRule>(
    isRule,
    '{ "endpoint": "GET /admin/directory/v1/users", "status": 503, "urlIncludes"?: "…", "body"?: "raw text", "contentType"?: "…", "times"?: n, "skip"?: n }',
  );

  /** The scripted answer for this request, if a rule matches; counts the rule down. */
  draw(endpoint: string, url: string): ScriptedAnswer | undefined {
    const text = decoded(url);
    const rule = this.rules.take(endpoint, (r) => r.urlIncludes === undefined || text.includes(r.urlIncludes));
    if (!rule) return undefined;
    return { status: rule.status, ...(rule.body === undefined ? {} : { body: rule.body }), contentType: rule.contentType ?? 'application/json; charset=UTF-8' };
  }

  async control(method: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const answer = await this.rules.control(method, req);
    res.writeHead(answer.status, answer.body === undefined ? {} : { 'content-type': 'application/json; charset=UTF-8' });
    res.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
  }
}
