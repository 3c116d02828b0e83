/**
 * The rule queue behind both sandboxes' scripted-fault hooks (`/_sandbox/faults`): tests post
 * rules aimed at one exact request; the first matching rule with `times` left fires, after letting
 * `skip` matching requests through, and is counted down. Each server decides what a rule matches
 * on (a body or URL substring) and what firing answers.
 */
import type { IncomingMessage } from 'node:http';

export interface CountedRule {
  /** Endpoint key as in `/_sandbox/stats` (`METHOD /path`, ids collapsed); compared ignoring case. */
  endpoint: string;
  /** How many matching requests it fires for (default 1). */
  times?: number;
  /** Let this many matching requests through first. */
  skip?: number;
}

/** The checks every rule shares: the endpoint and the counters. */
export function isCountedRule(value: unknown): value is CountedRule {
  const r = value as CountedRule | null;
  return (
    typeof r === 'object' && r !== null && typeof r.endpoint === 'string' &&
    (r.times === undefined || (Number.isInteger(r.times) && r.times > 0)) &&
    (r.skip === undefined || (Number.isInteger(r.skip) && r.skip >= 0))
  );
}

export interface ControlAnswer {
  status: number;
  body?: unknown;
}

async function readText(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export class ScriptedRules<R extends CountedRule> {
  private rules: Array<R & { times: number }> = [];

  constructor(
    private readonly isRule: (value: unknown) => value is R,
    /** Shown when a POST is refused: the rule shape this server takes. */
    private readonly usage: string,
  ) {}

  /** The rule that fires for this request, if any; counts it down. */
  take(endpoint: string, matches: (rule: R) => boolean): R | undefined {
    const rule = this.rules.find((r) => r.times > 0 && r.endpoint.toLowerCase() === endpoint.toLowerCase() && matches(r));
    if (!rule) return undefined;
    if (rule.skip) {
      rule.skip -= 1;
      return undefined;
    }
    rule.times -= 1;
    this.rules = this.rules.filter((r) => r.times > 0);
    return rule;
  }

  /** GET lists the rules (with `times` counting down), POST adds `{ rules: [...] }`, DELETE clears. */
  async control(method: string, req: IncomingMessage): Promise<ControlAnswer> {
    if (method === 'GET') return { status: 200, body: { rules: this.rules } };
    if (method === 'DELETE') {
      this.rules = [];
      return { status: 204 };
    }
    if (method !== 'POST') return { status: 405, body: { error: 'GET, POST or DELETE /_sandbox/faults' } };
    let parsed: unknown;
    try {
      parsed = JSON.parse(await readText(req));
    } catch {
      parsed = undefined;
    }
    const rules = (parsed as { rules?: unknown } | undefined)?.rules;
    if (!Array.isArray(rules) || !rules.every((r) => isCountedRule(r) && this.isRule(r))) {
      return { status: 400, body: { error: `Expected { "rules": [ ${this.usage} ] }` } };
    }
    this.rules.push(...rules.map((r: R) => ({ ...r, times: r.times ?? 1 })));
    return { status: 200, body: { rules: this.rules } };
  }
}
