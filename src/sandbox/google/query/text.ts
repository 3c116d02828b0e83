/**
 * Text comparison rules of the sandbox's Directory search. Google's search is case-insensitive, so
 * every comparison here folds case (Unicode NFC, then lower case). "Words" are runs of letters and
 * digits: `jane.doe@acme.com` has the words jane, doe, acme, com.
 */

const NON_ASCII = /[^\u0020-\u007e]/;

export function fold(text: string): string {
  // Plain ASCII needs no Unicode normalisation; skipping it keeps 100k-user directories fast.
  return NON_ASCII.test(text) ? text.normalize('NFC').toLowerCase() : text.toLowerCase();
}

export function words(text: string): string[] {
  return fold(text).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
}

/** `=`: the whole value, ignoring case. */
export function equalsFolded(candidate: string, value: string): boolean {
  return fold(candidate) === fold(value);
}

/**
 * `:`: the value's words appear in the candidate as whole words, in order and next to each other
 * (`givenName:Jane` matches "Jane Ann", not "Janet"; `name:'Jane Smith'` matches "Jane Smith").
 */
export function containsWordsInOrder(candidate: string, value: string): boolean {
  const wanted = words(value);
  if (wanted.length === 0) return false;
  const have = words(candidate);
  for (let start = 0; start + wanted.length <= have.length; start++) {
    let all = true;
    for (let k = 0; k < wanted.length; k++) {
      if (have[start + k] !== wanted[k]) {
        all = false;
        break;
      }
    }
    if (all) return true;
  }
  return false;
}

/**
 * `:prefix*`: the candidate, or one of its words, starts with the prefix (`givenName:Jane*`
 * matches "Janet" and "Mary Janet"). Google does not document whether the prefix is anchored at the
 * value or at a word; the sandbox accepts both, so a reader that re-checks locally stays correct.
 */
export function startsWithAtWord(candidate: string, prefix: string): boolean {
  const text = fold(candidate);
  const wanted = fold(prefix);
  if (wanted.length === 0) return false;
  if (text.startsWith(wanted)) return true;
  const boundary = /[^\p{L}\p{N}]+/gu;
  for (let m = boundary.exec(text); m; m = boundary.exec(text)) {
    if (text.startsWith(wanted, m.index + m[0].length)) return true;
  }
  return false;
}

/** Phone numbers compare without their punctuation: `+1 (555) 010-0000` = `+15550100000`. */
export function phoneKey(text: string): string {
  return text.replace(/[\s().\-/]/g, '').toLowerCase();
}

/** `/Staff/` → `/staff`; `''` → `/`. Used for the orgUnitPath subtree match. */
export function normalizeOrgUnitPath(path: string): string {
  let p = fold(path);
  if (!p.startsWith('/')) p = `/${p}`;
  while (p.length > 1 && p.endsWith('/')) p = p.slice(0, -1);
  return p;
}

/** True when `path` is `under` or below it, by path segment (`/staff` covers `/staff/sales`, not `/staffing`). */
export function isUnderOrgUnit(path: string, under: string): boolean {
  const p = normalizeOrgUnitPath(path);
  const u = normalizeOrgUnitPath(under);
  return u === '/' || p === u || p.startsWith(`${u}/`);
}
