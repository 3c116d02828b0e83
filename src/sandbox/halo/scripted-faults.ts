/**
 * Scripted faults: a test-control hook for end-to-end tests that need a fault at one exact request
 * ("the next POST /api/Users answers 500", "the POST that carries this email loses its response"),
 * which the seed's random faults cannot aim. Open and uncounted like `/_sandbox/stats`.
 *
 *   POST   /_sandbox/faults  { "rules": [ { "endpoint": "POST /api/Users", "status": 500, "times": 2 },
 *                                         { "endpoint": "POST /api/Agent", "lose": true, "bodyIncludes": "ann@" } ] }
 *   GET    /_sandbox/faults  → { "rules": [ …with `times` counting down… ] }
 *   DELETE /_sandbox/faults  → clears every rule
 *
 * A rule matches a request by its endpoint key (`METHOD /api/Resource`, as in `/_sandbox/stats`)
 * and, optionally, a substring of the request body. The first matching rule with `times` left
 * fires, after letting `skip` matching requests through: `status` answers before the endpoint
 * runs (nothing is written); `lose: true` lets the write commit and then drops the connection (a
 * lost response). A `lose` rule only counts POSTs that commit: a request refused first (401, 400)
 * lost nothing, so it neither fires the rule nor uses up its `skip`. Rules are added to the end.
 *
 * A rule with `body` answers that raw text instead of Halo's error JSON (with `contentType`,
 * default application/json), and may then use any status from 200: a bad answer (an HTML page,
 * truncated JSON, a wrong shape) that the client must refuse without writing anything.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ScriptedRules } from '../scripted-rules.js';
import { sendEmpty, sendJson } from './http.js';

export const SCRIPTED_FAULTS_PATH = '/_sandbox/faults';

export interface ScriptedRule {
  endpoint: string;
  /** Answer with this status instead of running the endpoint. */
  status?: number;
  /** Commit the write, then drop the response. */
  lose?: boolean;
  /** Only requests whose body contains this text (case-sensitive). */
  bodyIncludes?: string;
  /** How many matching requests it fires for (default 1). */
  times?: number;
  /** Let this many matching requests through first (e.g. the reads a plan makes before the writes). */
  skip?: number;
  /** Raw response text instead of Halo's error JSON (then `status` may be 200–599). */
  body?: string;
  /** Content-Type of `body` (default application/json; charset=utf-8). */
  contentType?: string;
}

export interface ScriptedFault {
  status: number;
  body: unknown;
  contentType?: string;
}

function isRule(value: unknown): value is ScriptedRule {
  const r = value as ScriptedRule | null;
  return (
    typeof r === 'object' && r !== null && typeof r.endpoint === 'string' &&
    (r.status === undefined || (Number.isInteger(r.status) && r.status >= (typeof r.body === 'string' ? 200 : 400) && r.status <= 599)) &&
    (r.body === undefined || (typeof r.body === 'string' && r.status !== undefined)) &&
    (r.contentType === undefined || typeof r.contentType === 'string') &&
    (r.status !== undefined) !== (r.lose === true)
  );
}

function bodyMatches(rule: ScriptedRule, body: string): boolean {
  return rule.bodyIncludes === undefined || body.includes(rule.bodyIncludes);
}

export class ScriptedFaults {
  private readonly rules = new ScriptedRules<ScriptedRule>(
    isRule,
    '{ "endpoint": "POST /api/Users", "status": 500 | "lose": true, "times"?: n, "skip"?: n, "bodyIncludes"?: "…", "body"?: "raw text", "contentType"?: "…" }',
  );

  /** The status rule that answers this request instead of the endpoint, if one matches; counts it down. */
  drawStatus(endpoint: string, body: string): ScriptedFault | undefined {
    const rule = this.rules.take(endpoint, (r) => r.status !== undefined && bodyMatches(r, body));
    if (!rule) return undefined;
    const status = rule.status as number;
    if (rule.body !== undefined) return { status, body: rule.body, contentType: rule.contentType ?? 'application/json; charset=utf-8' };
    return { status, body: { ClassName: 'System.Exception', Message: `An unexpected error occurred (sandbox: scripted fault ${status}).` } };
  }

  /**
   * Whether a `lose` rule drops the response of this write. Called only once the write has
   * committed, so a request refused before it (401, 400) does not use the rule up.
   */
  drawLoss(endpoint: string, body: string): boolean {
    return this.rules.take(endpoint, (r) => r.lose === true && bodyMatches(r, body)) !== undefined;
  }

  async control(method: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const answer = await this.rules.control(method, req);
    if (answer.body === undefined) return sendEmpty(res, answer.status);
    sendJson(res, answer.status, answer.body);
  }
}
