/**
 * Whether to colour terminal output, and the few ANSI styles the text plan uses.
 *
 * The decision follows the conventions Node.js and the wider CLI ecosystem share:
 * - `FORCE_COLOR` wins when set: `0` or `false` turn colour off, any other value (including the
 *   empty string, `1`, `2`, `3`, `true`) turns it on, even when output is not a terminal (CI logs).
 * - otherwise `NO_COLOR` set to a non-empty value turns colour off (https://no-color.org).
 * - otherwise `TERM=dumb` turns it off, and colour is used only when writing to a terminal.
 */
export function shouldUseColor(env: Readonly<Record<string, string | undefined>>, isTTY: boolean | undefined): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    const value = force.trim().toLowerCase();
    return value !== '0' && value !== 'false';
  }
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return isTTY === true;
}

export interface Palette {
  green(text: string): string;
  yellow(text: string): string;
  red(text: string): string;
  cyan(text: string): string;
  bold(text: string): string;
  dim(text: string): string;
}

const sgr = (open: number, close: number) => (text: string) => (text === '' ? '' : `\u001b[${open}m${text}\u001b[${close}m`);

const COLOURS: Palette = {
  green: sgr(32, 39),
  yellow: sgr(33, 39),
  red: sgr(31, 39),
  cyan: sgr(36, 39),
  bold: sgr(1, 22),
  dim: sgr(2, 22),
};

const identity = (text: string) => text;
const PLAIN: Palette = { green: identity, yellow: identity, red: identity, cyan: identity, bold: identity, dim: identity };

export function palette(color: boolean): Palette {
  return color ? COLOURS : PLAIN;
}
