/**
 * The injection corpus end to end (injection-world.ts): hostile Google names and titles, and a
 * hostile Halo title, through `plan` in text, Markdown and JSON, `explain` and `apply`. Text has no
 * raw control, escape or bidi character (they are shown as ⟨U+XXXX⟩); Markdown carries none of the
 * dangerous constructs live and its tables keep their columns; JSON round-trips every value exactly;
 * non-Latin names stay readable; apply writes the values to Halo unchanged and converges.
 * (tests/render/injection.test.ts checks the renderers alone on a synthetic plan.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectTablesIntact, RAW_HAZARDS } from '../helpers/markdown-checks.js';
import { startWorld, type Json, type World } from '../e2e/world.js';
import { HOSTILE, hostileEmail, hostileUser, INJECTION_CONFIG, injectionSeed, LINKED, READABLE } from './injection-world.js';


let world: World;
beforeAll(async () => {
  world = await startWorld({ seed: injectionSeed(), config: INJECTION_CONFIG });
});
afterAll(() => world.close());

function expectInertText(out: string): void {
  expect(out).not.toMatch(RAW_HAZARDS);
  expect(out).toContain('⟨U+202E⟩'); // the override is shown, not obeyed
  expect(out).toContain('⟨U+001B⟩[31m'); // the escape is shown, not run
  for (const name of READABLE) expect(out).toContain(name);
}


function expectInertMarkdown(out: string): void {
  expect(out).not.toMatch(/<img|<script|<b>bold|<!--/i);
  expect(out).not.toMatch(/<summary>pwned/);
  expect(out.split('<details').length).toBe(out.split('</details>').length);
  const tags = out.match(/<\/?[a-z]+/gi) ?? [];
  expect(tags.filter((t) => !['<details', '</details', '<summary', '</summary', '<b', '</b', '<br', '<sub', '</sub'].includes(t.toLowerCase()))).toEqual([]);
  expect(out).not.toMatch(/(?<![A-Za-z0-9_.+-])@[A-Za-z0-9]/); // no live @mention
  expect(out).not.toMatch(/(?<!\\)#[0-9]/); // no issue reference
  expect(out).not.toMatch(/(?<!\\)\]\(/); // no Markdown link
  expect(out).not.toMatch(/(?<!\\)!\[/); // no image
  expect(out).not.toMatch(/:\/\/|www\./i); // no autolinked URL
  expect(out).not.toMatch(/(?<!\\)`/); // no code span from data
  expect(out).not.toMatch(/(?<!\\)\*\*bold/);
  expect(out).not.toMatch(RAW_HAZARDS);
  expect(out).not.toContain('x'.repeat(300)); // long values are cut…
  expect(out).toMatch(/x{100,}…/); // …visibly
  for (const name of READABLE) expect(out).toContain(name);
}

describe('hostile directory values, end to end', () => {
  it('plan --format json carries every value exactly', async () => {
    const run = await world.run(['plan', '--format', 'json']);
    expect(run.code, run.stderr).toBe(0);
    const plan = JSON.parse(run.stdout);
    const creates = (plan.changes as Json[]).filter((c) => c.action === 'create');
    expect(creates).toHaveLength(HOSTILE.length);
    for (let i = 0; i < HOSTILE.length; i++) {
      const user = hostileUser(i);
      const change = creates.find((c) => c.email === hostileEmail(i));
      const value = (field: string) => change.fields.find((f: Json) => f.field === field)?.after;
      expect(value('firstname'), `person ${i}`).toBe(user.name!.givenName);
      expect(value('surname'), `person ${i}`).toBe(user.name!.familyName);
      expect(value('title'), `person ${i}`).toBe(user.organizations![0]!.title);
      expect(value('department'), `person ${i}`).toBe(user.organizations![0]!.department);
    }
    const update = (plan.changes as Json[]).find((c) => c.email === hostileEmail(LINKED));
    expect(update.fields).toContainEqual({ field: 'title', before: injectionSeed().halo!.users![0]!.title, after: 'Plain Title' });
  });

  it('plan (text) shows every value inert and readable', async () => {
    const run = await world.run(['plan']);
    expect(run.code).toBe(0);
    expectInertText(run.stdout);
    expect(run.stdout).toContain('<img src=x onerror=alert(1)>'); // text is text: shown as typed
    expect(run.stdout).toContain('⟨U+001B⟩[2J'); // the Halo side's escape too
  });

  it('plan --format markdown renders no live construct and keeps its tables', async () => {
    const run = await world.run(['plan', '--format', 'markdown']);
    expect(run.code).toBe(0);
    expectInertMarkdown(run.stdout);
    expect(expectTablesIntact(run.stdout)).toBeGreaterThanOrEqual(2);
    // Still there to read, as text: escaped, not dropped.
    for (const shown of ['&lt;img src=x onerror=alert\\(1\\)&gt;', 'a \\| b \\| c', '&lt;/details&gt;', 'javascript:alert']) expect(run.stdout).toContain(shown);
  });

  it.each([0, 5, 15, 16, 17, 18, 19])('explain for person %i is inert and readable', async (i) => {
    const run = await world.run(['explain', hostileEmail(i)]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).not.toMatch(RAW_HAZARDS);
    expect(run.stdout).toContain(hostileEmail(i));
    // Text shows values whole, as typed (like Terraform); only Markdown, bound for a comment, cuts them.
    expect(run.stdout).toContain(hostileUser(i).name!.givenName!.replace('\u202E', '⟨U+202E⟩').replaceAll('\u001b', '⟨U+001B⟩').replace('\u0007', '⟨U+0007⟩').replace('\r\n', '\\r\\n'));
  });

  it('apply writes the values to Halo unchanged, its report is inert, and the next plan is empty', async () => {
    const run = await world.run(['apply', '--yes']);
    expect(run.code, run.stdout.slice(-1500)).toBe(0);
    expect(run.stdout).not.toMatch(RAW_HAZARDS);
    const state = await world.state();
    for (let i = 0; i < HOSTILE.length; i++) {
      const user = hostileUser(i);
      const record = (state.users as Json[]).find((u) => u.emailaddress === hostileEmail(i));
      expect(record, `person ${i}`).toMatchObject({ firstname: user.name!.givenName, surname: user.name!.familyName, title: user.organizations![0]!.title });
    }
    const again = await world.run(['plan', '--detailed-exitcode']);
    expect(again.code, again.stdout.slice(0, 2000)).toBe(0);
  });
});
