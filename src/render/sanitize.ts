/**
 * Making untrusted text (names, emails, titles, values that come from Google or Halo) safe to
 * show. Shared by every human renderer; Markdown adds its own escaping on top (markdown-escape.ts).
 *
 * A directory value must never be able to move the cursor, recolour the terminal, reorder the text
 * around it (bidi overrides) or hide characters from a reviewer (zero-width spaces). Such characters
 * are made visible as `⟨U+XXXX⟩` rather than stripped, so a reviewer can see that something odd is
 * in the directory. Letters of every script, emoji and the joiners they need (U+200C, U+200D) are
 * kept as they are.
 */

/** Line breaks and tabs inside values are shown the way a programmer writes them. */
const NAMED_CONTROLS: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * C0 controls, DEL, C1 controls; bidi embeddings/overrides/isolates and marks; invisible spacing
 * (zero-width space, word joiner, BOM, Mongolian vowel separator); line and paragraph separators
 * (which some renderers treat as newlines); lone surrogates.
 */
const UNSAFE =
  // eslint-disable-next-line no-control-regex -- finding control characters is this regex's purpose
  /[\u0000-\u001f\u007f-\u009f\u061c\u180e\u200b\u200e\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function visible(ch: string): string {
  const named = NAMED_CONTROLS[ch];
  if (named) return named;
  const code = ch.charCodeAt(0);
  if (code >= 0xd800 && code <= 0xdfff) return '\ufffd';
  return `⟨U+${code.toString(16).toUpperCase().padStart(4, '0')}⟩`;
}

/** Replaces every control, bidi and invisible character with a visible marker. */
export function sanitizeText(text: string): string {
  return text.replace(UNSAFE, visible);
}

/** True when the text holds a character `sanitizeText` would replace (used by tests and checks). */
export function hasUnsafeCharacters(text: string): boolean {
  UNSAFE.lastIndex = 0;
  const found = UNSAFE.test(text);
  UNSAFE.lastIndex = 0;
  return found;
}

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * Shortens text to at most `max` user-visible characters (grapheme clusters, so an emoji or an
 * accented letter is never cut in half), ending in `…` when something was cut.
 */
export function truncateText(text: string, max: number): string {
  // Fast path: a string shorter than `max` UTF-16 units has at most `max` graphemes.
  if (text.length <= max) return text;
  let out = '';
  let count = 0;
  for (const { segment } of segmenter.segment(text)) {
    if (count === max - 1) {
      return `${out}…`;
    }
    out += segment;
    count += 1;
  }
  return out;
}

/**
 * A field value as a reviewer reads it: strings in double quotes (inner quotes and backslashes
 * escaped, controls made visible, long ones shortened), other scalars as JSON writes them.
 */
export function quoteValue(value: string | number | boolean | null, max: number): string {
  if (typeof value !== 'string') return value === null ? 'null' : String(value);
  const escaped = value.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
  return `"${truncateText(sanitizeText(escaped), max)}"`;
}
