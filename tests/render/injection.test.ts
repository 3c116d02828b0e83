/**
 * The injection corpus (GitHub issue 9): hostile directory values in every untrusted position,
 * rendered through Markdown, text and JSON. Data must never become markup, a mention, a link, a
 * terminal escape or a reordering of the text around it; non-Latin names must stay readable.
 */
import { describe, expect, it } from 'vitest';
import { cellCount, expectTablesIntact, RAW_HAZARDS } from '../helpers/markdown-checks.js';
import { escapeHtml, escapeMarkdown, parsePlanJson, renderPlanComparisonMarkdown, renderPlanJson, renderPlanMarkdown, renderPlanText } from '../../src/render/index.js';
import { brightwaterPlan } from './fixtures.js';
import { HOSTILE_CONTEXT, hostilePlan, HOSTILE_VALUES } from './fixtures-generated.js';

const READABLE = ['日本語の名前', 'العربية', 'Ελληνικά', '👩🏽‍💻 Zoë Ångström 🚀'];



function expectSafeMarkdown(out: string): void {
  expect(out).not.toMatch(/<img/i);
  expect(out).not.toMatch(/<script/i);
  expect(out).not.toMatch(/<!--/);
  expect(out).not.toMatch(/<summary>pwned/);
  // Our own <details> open and close in pairs; data cannot close one early.
  expect(out.split('<details>').length).toBe(out.split('</details>').length);
  expect(out.match(/<\/?[a-z]+/gi)!.every((tag) => ['<details', '</details', '<summary', '</summary', '<b', '</b', '<br', '<sub', '</sub'].includes(tag.toLowerCase()))).toBe(true);
  // No live mention, issue reference, Markdown link or autolinked URL.
  expect(out).not.toMatch(/(?<![A-Za-z0-9_])@[A-Za-z0-9]/);
  expect(out).not.toMatch(/#[0-9]/);
  expect(out).not.toMatch(/(?<!\\)\]\(/);
  expect(out).not.toMatch(/(?<!\\)!\[|(?<!\\)\[x/);
  expect(out).not.toMatch(/:\/\/|www\./i);
  // No unescaped code spans, emphasis or math from data.
  expect(out).not.toMatch(/(?<!\\)`/);
  expect(out).not.toMatch(/(?<!\\)\*\*bold/);
  expect(out).not.toMatch(/(?<!\\)\$x/);
  expect(out).not.toMatch(RAW_HAZARDS);
  // Values are cut at 160 characters, sentences (reasons, warnings) at 300.
  expect(out).not.toContain('x'.repeat(300));
  expect(out).toContain(`${'x'.repeat(159)}…`);
  for (const name of READABLE) expect(out).toContain(name);
}

describe('Markdown', () => {
  it('neutralises every hostile value and keeps tables intact', () => {
    const out = renderPlanMarkdown(hostilePlan(), HOSTILE_CONTEXT);
    expectSafeMarkdown(out);
    expect(expectTablesIntact(out)).toBeGreaterThanOrEqual(4);
  });

  it('does the same in the comparison comment', () => {
    const out = renderPlanComparisonMarkdown(brightwaterPlan(), hostilePlan(), HOSTILE_CONTEXT);
    expectSafeMarkdown(out);
    expect(expectTablesIntact(out)).toBeGreaterThanOrEqual(2);
  });

  it.each(HOSTILE_VALUES.map((v) => [JSON.stringify(v).slice(0, 50), v]))('escapeMarkdown / escapeHtml of %s', (_label, value) => {
    for (const escaped of [escapeMarkdown(value), escapeHtml(value)]) {
      expect(escaped).not.toMatch(/[<>\n\r]/);
      expect(escaped).not.toMatch(RAW_HAZARDS);
      expect(escaped).not.toMatch(/(?<![A-Za-z0-9_])@[A-Za-z0-9]/);
      expect([...escaped].length).toBeLessThan(400);
    }
    expect(cellCount(`| ${escapeMarkdown(value)} |`)).toBe(1);
  });

  it('leaves letters of every script and plain words alone', () => {
    for (const name of READABLE) expect(escapeMarkdown(name)).toBe(name);
    expect(escapeMarkdown('Amelia Hart')).toBe('Amelia Hart');
  });
});

describe('text', () => {
  it('has no raw control, bidi or invisible characters, with or without colour', () => {
    const plain = renderPlanText(hostilePlan(), HOSTILE_CONTEXT, { color: false });
    expect(plain).not.toMatch(RAW_HAZARDS);
    expect(plain).not.toContain('\u001b');
    const coloured = renderPlanText(hostilePlan(), HOSTILE_CONTEXT, { color: true });
    // Only our own SGR sequences remain; the data's escape sequence is shown, not obeyed.
    // eslint-disable-next-line no-control-regex -- these tests look for control characters
    expect(coloured.replace(/\u001b\[\d+m/g, '')).not.toMatch(RAW_HAZARDS);
    expect(coloured).toContain('⟨U+001B⟩[31mred⟨U+001B⟩[0m');
    expect(plain).toContain('invoice⟨U+202E⟩exe.pdf');
    expect(plain).toContain('line one\\r\\nline two\\nline three');
    for (const name of READABLE) expect(plain).toContain(name);
  });

  it('keeps every change on its own lines: a value cannot forge a line', () => {
    const plain = renderPlanText(hostilePlan(), HOSTILE_CONTEXT, { color: false });
    const headlines = plain.split('\n').filter((line) => /^ {4}[+~↺-] (user|agent) /.test(line));
    expect(headlines).toHaveLength(hostilePlan().changes.length);
  });
});

describe('JSON', () => {
  it('round-trips hostile values exactly and prints no raw hazards', () => {
    const p = hostilePlan();
    const text = renderPlanJson(p);
    expect(text).not.toMatch(RAW_HAZARDS);
    const parsed = parsePlanJson(text);
    expect(parsed.errors).toEqual([]);
    expect(parsed.plan).toEqual(p);
    expect(renderPlanJson(parsed.plan!)).toBe(text);
    for (const name of READABLE) expect(text).toContain(name);
  });
});
