/**
 * What reaches a pull request comment is bounded and inert: an oversized plan stays under GitHub's
 * 65,536 characters (the stand-in refuses more, as GitHub does) and says what was cut, while the
 * job summary keeps more; names from the directory that are HTML, Markdown links, mentions, table
 * pipes, backticks or comment terminators render as plain text.
 */
import { describe, expect, it } from 'vitest';
import { readReviewed } from '../../src/action/markers.js';
import type { DirectoryUser } from '../../src/model/directory.js';
import type { SandboxSeed } from '../../src/sandbox/seed-types.js';
import { GITHUB_BODY_LIMIT } from './github-stand-in.js';
import { prEvent, runInProcess, useActionWorld, workspace } from './harness.js';

const world = useActionWorld();

function keystoneUser(i: number, given: string, family: string, title: string): DirectoryUser {
  return {
    id: String(300000000000000000000n + BigInt(i)),
    primaryEmail: `person${i}@keystonelegal.example`,
    name: { givenName: given, familyName: family },
    orgUnitPath: '/Associates',
    organizations: [{ title, department: 'Associates', primary: true }],
  };
}

function addKeystoneUsers(seed: SandboxSeed, users: DirectoryUser[]): void {
  seed.google!.customers!.C04kystn1!.users!.push(...users);
}

const rows = (markdown: string) => markdown.split('\n').filter((l) => /^\| (➕|✏️|🔗|♻️|⛔|🎭|🗳️|⚙️)/.test(l)).length;

describe('comment size', () => {
  it('keeps a plan of thousands of people under the limit, says what was cut, and keeps more in the job summary', async () => {
    const { sandbox, github } = await world((seed) =>
      addKeystoneUsers(seed, Array.from({ length: 1500 }, (_, i) => keystoneUser(i, `Given${i}`, `Family${i}`, `Associate grade ${i % 7}`))),
    );
    const run = await runInProcess({ command: 'plan', event: prEvent({ number: 31 }), workspace: workspace(), env: sandbox.env, github });
    expect(run.exitCode, run.stdout).toBe(0);
    const [comment] = github.commentsOn(31);
    expect(comment).toBeDefined();
    expect(comment!.body.length).toBeLessThanOrEqual(60_000);
    expect(comment!.body.length).toBeLessThan(GITHUB_BODY_LIMIT);
    expect(comment!.body).toMatch(/\*\*… [\d,]+ more changes not shown; the full plan is in the job summary of \[the workflow run\]\(https:\/\/github\.example\/[^)]+\) and its plan artifact\.\*\*/);
    expect(comment!.body).toContain('Plan: 1,530 to create');
    expect(readReviewed(comment!.body)?.changes).toBe(1547);
    const shown = rows(comment!.body);
    expect(shown).toBeGreaterThan(10);
    expect(rows(run.summary)).toBeGreaterThan(shown);
    expect(Buffer.byteLength(run.summary)).toBeLessThan(1_000_000);
  });

  it('honours a small comment-max-chars: summary and warnings first, the marker and fingerprint always kept', async () => {
    const { sandbox, github } = await world(() => {});
    const run = await runInProcess({ command: 'plan', event: prEvent({ number: 32 }), workspace: workspace(), env: sandbox.env, github, inputs: { 'comment-max-chars': '3000' } });
    expect(run.exitCode).toBe(0);
    const body = github.commentsOn(32)[0]!.body;
    expect(body.length).toBeLessThanOrEqual(3000);
    expect(body).toContain('Plan: 30 to create');
    expect(body).toMatch(/more changes? not shown/);
    expect(body).toContain('<!-- halo-sync:plan config=halo-sync.yaml -->');
    expect(readReviewed(body)?.changes).toBe(47);
    expect(body).not.toContain('halo-sync:reviewed-plan'); // does not fit in a third of 3,000
    expect(rows(run.summary)).toBe(47);
  });
});

const HOSTILE = [
  '<img src=x onerror=alert(1)>',
  '@org/admins',
  '</details>',
  '[x](javascript:alert(1))',
  'a | b | c',
  '`rm -rf` ```fence```',
  '--> <!-- <script>alert(1)</script>',
  '![tracker](https://evil.example/t.png)',
  '#1 **bold** _it_ ~~gone~~ $x$',
  'line\nbreak\u202Eevil',
];

describe('directory text in the comment', () => {
  it('renders an injection corpus of names and titles inert', async () => {
    const { sandbox, github } = await world((seed) =>
      addKeystoneUsers(seed, HOSTILE.map((text, i) => keystoneUser(900 + i, text, `Surname${i}`, text))),
    );
    const run = await runInProcess({ command: 'plan', event: prEvent({ number: 33 }), workspace: workspace(), env: sandbox.env, github });
    expect(run.exitCode, run.stdout).toBe(0);
    const body = github.commentsOn(33)[0]!.body;
    expect(body).toContain('person900@keystonelegal');
    // No tag, image, link or script of the directory's making survives.
    for (const raw of ['<img', '<script', '](javascript:', '![tracker]', '](https://evil', 'https://evil', '\u202E']) expect(body).not.toContain(raw);
    // Mentions and references are broken by a word joiner.
    expect(body).not.toMatch(/@org\//);
    expect(body).toContain('@\u2060org/admins');
    // Structure: every <details> closes once; the only HTML comments are the Action's own.
    expect(body.split('<details>').length).toBe(body.split('</details>').length);
    expect(body.match(/<!--/g)).toHaveLength(3);
    expect(body.match(/-->/g)).toHaveLength(3);
    // Table rows keep their five columns: no unescaped pipe or backtick from a name.
    const hostileRows = body.split('\n').filter((l) => l.includes('person9') && l.startsWith('| '));
    expect(hostileRows).toHaveLength(HOSTILE.length);
    for (const row of hostileRows) {
      expect(row.match(/(?<!\\)\|/g)).toHaveLength(6);
      expect(row).not.toMatch(/(?<!\\)`/);
      expect(row).not.toMatch(/(?<!\\)\*\*bold/);
    }
    // The job summary gets the same treatment.
    expect(run.summary).not.toContain('<img');
    expect(run.summary.split('<details>').length).toBe(run.summary.split('</details>').length);
  });
});
