/**
 * Checks the seed's `faults` and `simulate` sections (both optional; everything off by default).
 * The key lists mirror SeedFaults and SeedSimulate in ../seed-types.ts: add a key here when adding
 * one there, or seeds using it are refused as typos.
 */
import { checkKeys, isRecord, type SeedReport } from './report.js';

const FAULT_KEYS = ['haloErrorRate', 'googleErrorRate', 'googleRateLimitRate', 'haloRateLimit', 'latencyMs', 'lostResponseRate', 'seed'];
const RATES = ['haloErrorRate', 'googleErrorRate', 'googleRateLimitRate', 'lostResponseRate'];
const SIMULATE_KEYS = ['googleTokenError', 'googleSubjectNotAdmin', 'googleForbiddenCustomers', 'haloForbiddenPaths', 'googleDelegatedScopes'];
const TOKEN_ERRORS = ['unauthorized_client', 'admin_policy_enforced', 'invalid_grant', 'access_denied'];

export function checkFaults(faults: unknown, report: SeedReport): void {
  if (faults === undefined || faults === null) return;
  if (!isRecord(faults)) return report.error(['faults'], 'faults', 'must be a mapping');
  checkKeys(report, faults, ['faults'], 'faults', FAULT_KEYS);
  for (const key of RATES) {
    const v = faults[key];
    if (v !== undefined && !(typeof v === 'number' && v >= 0 && v <= 1)) {
      report.error(['faults', key], `faults.${key}`, `must be a fraction between 0 and 1 (0.05 = 5% of requests), got ${JSON.stringify(v)}`);
    }
  }
  const latency = faults.latencyMs;
  if (latency !== undefined && !(typeof latency === 'number' && latency >= 0 && latency <= 60_000)) {
    report.error(['faults', 'latencyMs'], 'faults.latencyMs', `must be milliseconds between 0 and 60000, got ${JSON.stringify(latency)}`);
  }
  const seed = faults.seed;
  if (seed !== undefined && !(typeof seed === 'number' && Number.isInteger(seed))) {
    report.error(['faults', 'seed'], 'faults.seed', `must be a whole number, got ${JSON.stringify(seed)}`);
  }
  const limit = faults.haloRateLimit;
  if (limit === undefined || limit === null) return;
  if (!isRecord(limit)) return report.error(['faults', 'haloRateLimit'], 'faults.haloRateLimit', 'must be a mapping like { requests: 300, windowSeconds: 300 }');
  checkKeys(report, limit, ['faults', 'haloRateLimit'], 'faults.haloRateLimit', ['requests', 'windowSeconds']);
  for (const key of ['requests', 'windowSeconds']) {
    const v = limit[key];
    if (!(typeof v === 'number' && Number.isInteger(v) && v > 0)) {
      report.error(['faults', 'haloRateLimit', key], 'faults.haloRateLimit', `${key} must be a whole number above 0, got ${JSON.stringify(v)}`);
    }
  }
}

export function checkSimulate(simulate: unknown, customerKeys: string[], report: SeedReport): void {
  if (simulate === undefined || simulate === null) return;
  if (!isRecord(simulate)) return report.error(['simulate'], 'simulate', 'must be a mapping');
  checkKeys(report, simulate, ['simulate'], 'simulate', SIMULATE_KEYS);
  const tokenError = simulate.googleTokenError;
  if (tokenError !== undefined && !TOKEN_ERRORS.includes(String(tokenError))) {
    report.error(['simulate', 'googleTokenError'], 'simulate.googleTokenError', `must be one of ${TOKEN_ERRORS.join(', ')}`);
  }
  if (simulate.googleSubjectNotAdmin !== undefined && typeof simulate.googleSubjectNotAdmin !== 'boolean') {
    report.error(['simulate', 'googleSubjectNotAdmin'], 'simulate.googleSubjectNotAdmin', 'must be true or false');
  }
  stringList(simulate, 'googleForbiddenCustomers', report).forEach((id, i) => {
    if (!customerKeys.includes(id)) {
      report.error(['simulate', 'googleForbiddenCustomers', i], 'simulate.googleForbiddenCustomers', `${id} is not a seeded customer (google.customers)`);
    }
  });
  stringList(simulate, 'googleDelegatedScopes', report);
  stringList(simulate, 'haloForbiddenPaths', report).forEach((path, i) => {
    if (!/^\/api\//i.test(path)) report.error(['simulate', 'haloForbiddenPaths', i], 'simulate.haloForbiddenPaths', `${path} must be an API path such as /api/Agent`);
  });
}

function stringList(parent: Record<string, unknown>, key: string, report: SeedReport): string[] {
  const value = parent[key];
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    report.error(['simulate', key], `simulate.${key}`, 'must be a list of strings');
    return [];
  }
  return value as string[];
}
