/**
 * Escaping untrusted text for GitHub-flavoured Markdown (PR comments, job summaries).
 *
 * Directory data is attacker-controlled as far as a PR comment is concerned: a display name can
 * hold HTML, Markdown links, `@org/team` mentions, `#123` references, table pipes, `</details>`
 * or bidi overrides. Every value goes through one of the two functions below, which:
 * - make controls, bidi overrides and invisible characters visible (`sanitizeText`), so a value
 *   can never break a line, a table row or the reading order;
 * - shorten very long values with `…`;
 * - turn `& < >` into entities, so no tag (`<img`, `<script`, `</details>`, `<!--`) can open;
 * - (Markdown text only) backslash-escape every ASCII punctuation mark Markdown gives meaning to,
 *   so no emphasis, link, image, heading, list, table cell, code span or math can start;
 * - defeat GitHub's post-processing, which works on the rendered text and so ignores backslashes:
 *   a WORD JOINER (U+2060, invisible) goes after an `@` that could start a mention, after a `#`
 *   that could start an issue reference, and into `://` and `www.` so no URL is autolinked.
 * Letters of any script and emoji are left alone, so names stay readable.
 */
import { sanitizeText, truncateText } from './sanitize.js';

const JOIN = '\u2060';

/** Default longest value in a comment: long enough for any real name, title or email. */
export const MD_VALUE_MAX = 160;

/** Markdown-significant ASCII punctuation (CommonMark allows a backslash before any of these). */
const MD_SPECIAL = new Set(['\\', '`', '*', '_', '{', '}', '[', ']', '(', ')', '#', '+', '-', '.', '!', '|', '~', '$']);

function neutraliseGitHubLinks(text: string): string {
  return text
    .replace(/(?<![A-Za-z0-9_])@/g, `@${JOIN}`)
    .replace(/#(?=[\p{L}\p{N}])/gu, `#${JOIN}`)
    .replace(/:\/\//g, `:${JOIN}//`)
    .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}${JOIN}.`)
    .replace(/\b(GH)-(?=\d)/gi, `$1${JOIN}-`);
}

function prepare(text: string, max: number): string {
  return neutraliseGitHubLinks(truncateText(sanitizeText(text), max));
}

function entity(ch: string): string | null {
  if (ch === '&') return '&amp;';
  if (ch === '<') return '&lt;';
  if (ch === '>') return '&gt;';
  return null;
}

/** Untrusted text for Markdown: inline text, list items, blockquotes, table cells. */
export function escapeMarkdown(text: string, max: number = MD_VALUE_MAX): string {
  let out = '';
  for (const ch of prepare(text, max)) {
    const asEntity = entity(ch);
    if (asEntity !== null) out += asEntity;
    else if (MD_SPECIAL.has(ch)) out += `\\${ch}`;
    else out += ch;
  }
  return out;
}

/**
 * Untrusted text inside raw HTML, such as a `<summary>` line (GitHub does not parse Markdown
 * there, so backslashes would show): entities only, plus the same link and mention defences.
 */
export function escapeHtml(text: string, max: number = MD_VALUE_MAX): string {
  let out = '';
  for (const ch of prepare(text, max)) {
    if (ch === '"') out += '&quot;';
    else out += entity(ch) ?? ch;
  }
  return out;
}

/** A field value in a comment: strings in quotes (escaped), other scalars as JSON writes them. */
export function markdownValue(value: string | number | boolean | null, max: number = MD_VALUE_MAX): string {
  if (typeof value !== 'string') return value === null ? 'null' : String(value);
  return `"${escapeMarkdown(value, max)}"`;
}
