/**
 * Bad answers from either API, end to end through the CLI on the sandbox: HTML pages, truncated
 * JSON, wrong types, missing wrappers and unexpected nulls, aimed at one read with the sandboxes'
 * scripted answers. Every one must stop `plan` and `apply` with exit 1 and an error naming the API
 * call, without a stack trace, before anything is written to Halo. (A bad answer read naively looks
 * like an empty directory, an empty group or an empty Halo: people leaving, roles removed, everyone
 * created twice.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleSeed, expectConverged, startWorld, type World } from '../e2e/world.js';
import { googleFaults, haloWrites } from '../helpers/sandbox-controls.js';
import { BAD_ANSWERS, type BadAnswer } from './bad-answer-corpus.js';

let world: World;
beforeAll(async () => {
  const seed = await exampleSeed();
  // A linked user Google no longer returns: plan looks them up directly (users.get), so that read is in the corpus too.
  seed.halo!.users!.push({ id: 9001, name: 'Gone Person', firstname: 'Gone', surname: 'Person', emailaddress: 'gone@harbordental.example', site_id: 1, googleworkplace_id: '999000999000' });
  world = await startWorld({ seed });
});
afterAll(() => world.close());

async function aim(answer: BadAnswer): Promise<void> {
  await world.clearFaults();
  await fetch(`${world.sandbox.google.url}/_sandbox/faults`, { method: 'DELETE' });
  const rule = { endpoint: answer.endpoint, status: answer.status, body: answer.body, contentType: answer.contentType, times: 1000 };
  if (answer.api === 'Halo') await world.faults([rule]);
  else await googleFaults(world.sandbox, [rule]);
}

const STACK_LINE = /^\s+at .+:\d+:\d+\)?$/m;

function expectCleanFailure(run: { code: number; stdout: string; stderr: string }, answer: BadAnswer): void {
  const shown = `${run.stderr}\n${run.stdout}`.slice(0, 1500);
  expect(run.code, shown).toBe(1);
  expect(run.stderr, shown).toContain(`${answer.api} API GET ${answer.path}`);
  if (answer.says) expect(run.stderr, shown).toMatch(answer.says);
  expect(run.stderr).not.toMatch(STACK_LINE);
  expect(run.stderr).not.toMatch(/TypeError|ReferenceError|Cannot read propert|undefined is not/);
}

describe('a bad answer stops plan and apply before any write, naming the API call', () => {
  it('the corpus covers both APIs and every kind of bad answer', () => {
    const kinds = (api: string) => new Set(BAD_ANSWERS.filter((a) => a.api === api).map((a) => a.kind));
    for (const api of ['Halo', 'Google']) {
      expect([...kinds(api)].sort(), api).toEqual(['html', 'missing-wrapper', 'null', 'truncated', 'wrong-type']);
    }
    expect(BAD_ANSWERS.length).toBeGreaterThanOrEqual(35);
  });

  it.each(BAD_ANSWERS.map((a) => [`${a.api} ${a.endpoint} ${a.status}: ${a.name}`, a] as const))('%s', async (_name, answer) => {
    await aim(answer);
    world.sandbox.halo.resetStats();

    const plan = await world.run(['plan', '--format', 'json']);
    expectCleanFailure(plan, answer);
    expect(plan.stdout).toBe(''); // no half a plan

    const apply = await world.run(['apply', '--yes', '--journal', 'journal.jsonl', '--status-file', 'status.json']);
    expectCleanFailure(apply, answer);
    expect(haloWrites(world.sandbox), 'Halo writes').toBe(0);
    const status = JSON.parse(await world.read('status.json'));
    expect(status.outcome).toBe('failed');
    expect(status.lastError).toContain(`${answer.api} API GET ${answer.path}`);
  });

  it('with the answers healthy again, the same world plans normally (the failures were the answers, not the world)', async () => {
    await world.clearFaults();
    await fetch(`${world.sandbox.google.url}/_sandbox/faults`, { method: 'DELETE' });
    const plan = await world.run(['plan', '--format', 'json']);
    expect(plan.code, plan.stderr).toBe(0);
    expect(JSON.parse(plan.stdout).changes.length).toBeGreaterThan(20);
  });
});

/** Garbage in answer to a write: whether it was written is unknown, exactly like a lost response. */
const BAD_WRITE_ANSWERS: Array<[string, string]> = [
  ['POST /api/Users', '<html><head><title>Sign in</title></head></html>'],
  ['POST /api/Users', '{"id":'],
  ['POST /api/Users', '[{"id":null}]'],
  ['POST /api/Agent', '[]'],
  ['POST /api/Agent', 'null'],
  ['POST /api/Agent', '{"id":"abc"}'],
];

describe('a bad answer to a write is treated as "unknown", never as done', () => {
  it.each(BAD_WRITE_ANSWERS)('%s answering %s: apply re-reads, finishes the job, creates nothing twice', async (endpoint, body) => {
    const w = await startWorld();
    try {
      await w.faults([{ endpoint, status: 200, body, times: 1 }]);
      const apply = await w.run(['apply', '--yes']);
      expect(apply.code, apply.stdout.slice(-1500)).toBe(0);
      expect((await w.stats()).faults.error).toBe(1);
      await expectConverged(w);
    } finally {
      await w.close();
    }
  });
});
