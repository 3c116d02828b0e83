import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../src/diagnostics/errors.js';
import { readHaloSnapshot, type HaloProgressEvent } from '../../src/halo/index.js';
import { CLIENT_SECRET, expectNoSecrets, failureOf, haloSeed, startHalo, type Harness } from './halo-fixtures.js';
import { fakeTime } from './fake-time.js';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const opts = { agentIdField: 'third_party_guid' };

describe('retries over the sandbox', () => {
  it('recovers from injected 5xx faults (HTML and JSON bodies) and reads everything', async () => {
    harness = await startHalo({ halo: haloSeed(1200), faults: { haloErrorRate: 0.3, seed: 7 } });
    const time = fakeTime();
    const retries: HaloProgressEvent[] = [];
    const client = harness.client({ sleep: time.sleep, random: () => 0.5, onProgress: (e) => e.type === 'retry' && retries.push(e) });
    const snapshot = await readHaloSnapshot(client, { ...opts, pageSize: 200 });
    expect(snapshot.users).toHaveLength(1200);
    const stats = harness.sandbox.stats();
    console.log(`with 30% injected 5xx: ${stats.total} requests, ${stats.faults.error} faults, ${client.stats().retries} retries`);
    expect(stats.faults.error).toBeGreaterThan(0);
    expect(client.stats().retries).toBe(stats.faults.error);
    expect(retries.length).toBe(stats.faults.error);
    // Backoff waits were taken (full jitter with random 0.5 → half the exponential ceiling).
    expect(time.sleeps.every((ms) => ms >= 500)).toBe(true);
  });

  it('gives up after the configured retries with a retryable ApiError', async () => {
    harness = await startHalo({ halo: haloSeed(1), faults: { haloErrorRate: 1, seed: 3 } });
    const time = fakeTime();
    const client = harness.client({ sleep: time.sleep, clock: time.clock, retry: { maxRetries: 3 } });
    const error = await failureOf(() => client.getJson('/api/Control'));
    expect(error).toBeInstanceOf(ApiError);
    expect(error.retryable).toBe(true);
    // The first request (discovery) is the one that runs out of retries; an outage is not a missing endpoint.
    expect(error.message).toMatch(/^Halo API GET \/api\/authinfo failed \(50\d\): .*gave up after 4 attempt/);
    expect(harness.sandbox.stats().total).toBe(4);
    expectNoSecrets(error, [CLIENT_SECRET]);
  });

  it('waits out a 429 with its Retry-After, then succeeds', async () => {
    // The sandbox and the client share a fake clock; the client's sleep moves it.
    const time = fakeTime();
    harness = await startHalo({ halo: haloSeed(30), faults: { haloRateLimit: { requests: 4, windowSeconds: 60 } }, clock: time.clock.now });
    const client = harness.client({ clock: time.clock, sleep: time.sleep });
    const snapshot = await readHaloSnapshot(client, { ...opts, pageSize: 10 });
    expect(snapshot.users).toHaveLength(30);
    const stats = harness.sandbox.stats();
    expect(stats.byStatus['429']).toBeGreaterThan(0);
    // Every wait after a 429 was the server's Retry-After (whole seconds), not a 5-second guess.
    expect(time.sleeps.length).toBe(stats.byStatus['429']);
    for (const ms of time.sleeps) expect(ms % 1000).toBe(0);
    expect(Math.max(...time.sleeps)).toBeGreaterThan(5000);
  });

  it('with the rate budget on, the sandbox never answers 429', async () => {
    harness = await startHalo({ halo: haloSeed(2345), faults: { haloRateLimit: { requests: 20, windowSeconds: 2 } } });
    const waits: HaloProgressEvent[] = [];
    const client = harness.client({ rateLimit: { requests: 20, windowSeconds: 2 }, onProgress: (e) => e.type === 'rate-wait' && waits.push(e) });
    const started = Date.now();
    const snapshot = await readHaloSnapshot(client, { ...opts, pageSize: 200 });
    expect(snapshot.users).toHaveLength(2345);
    const stats = harness.sandbox.stats();
    console.log(`rate budget 20/2s: ${stats.total} requests in ${Date.now() - started} ms, ${waits.length} waits, statuses ${JSON.stringify(stats.byStatus)}`);
    expect(stats.total).toBe(2 + 12 + 7);
    expect(stats.byStatus['429']).toBeUndefined();
    expect(waits.length).toBeGreaterThan(0);
  });

  it('a refused permission (403) fails fast with what to check', async () => {
    harness = await startHalo({ halo: haloSeed(1), simulate: { haloForbiddenPaths: ['/api/Agent'] } });
    const error = await failureOf(() => readHaloSnapshot(harness!.client(), opts));
    expect(error.status).toBe(403);
    expect(error.message).toContain('GET /api/Agent');
    expect(error.message).toContain('lacks permission');
    expect(harness.sandbox.stats().byEndpoint['GET /api/Agent']).toBe(1);
    expectNoSecrets(error, [CLIENT_SECRET]);
  });
});
