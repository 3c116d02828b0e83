/**
 * The Action's inputs (action.yml), parsed from the environment the runner gives a step
 * (`INPUT_<NAME>`, as @actions/core's getInput reads them) into one typed object. Pure: no I/O,
 * every problem reported at once, defaults repeated here so a step that omits an input (or a test)
 * gets the same behaviour as action.yml's defaults.
 */

export type ActionCommand = 'validate' | 'plan' | 'apply';

/** `auto`: keep personal data out when the repository is public (or its visibility is unknown). */
export type PrivacySetting = 'auto' | 'on' | 'off';

export interface ActionInputs {
  command: ActionCommand;
  /** The config file, relative to `workingDirectory`. */
  config: string;
  /** Empty when none was given: then nothing is commented. */
  githubToken: string;
  /** Post / edit the pull-request comments (false: job summary only). */
  comment: boolean;
  privacy: PrivacySetting;
  /** A saved plan file (`plan-file` of an earlier plan step): strict apply of exactly that plan. */
  plan: string | null;
  /** Null: a default under RUNNER_TEMP. */
  journal: string | null;
  statusFile: string | null;
  /** Relative to the workspace (the repository root). */
  workingDirectory: string;
  /** The comment never exceeds this many characters (GitHub refuses more than 65,536). */
  commentMaxChars: number;
  /** Only comments by this login are ever edited, or trusted as the reviewed plan. */
  commentAuthor: string;
}

export const INPUT_DEFAULTS = {
  command: 'plan',
  config: 'halo-sync.yaml',
  comment: 'true',
  privacy: 'auto',
  'working-directory': '.',
  'comment-max-chars': '60000',
  'comment-author': 'github-actions[bot]',
} as const;

export const GITHUB_COMMENT_LIMIT = 65_536;
const MIN_COMMENT_CHARS = 1_000;

export type ParsedInputs = { ok: true; inputs: ActionInputs } | { ok: false; errors: string[] };

/** `github-token` → `INPUT_GITHUB-TOKEN`, exactly as the runner names it (and core.getInput reads it). */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

type Env = Record<string, string | undefined>;

function raw(env: Env, name: string): string {
  return (env[inputVariable(name)] ?? '').trim();
}

function withDefault(env: Env, name: keyof typeof INPUT_DEFAULTS): string {
  return raw(env, name) || INPUT_DEFAULTS[name];
}

/** The YAML 1.2 core-schema booleans, as core.getBooleanInput accepts them. */
function parseBoolean(name: string, value: string, errors: string[]): boolean {
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE'].includes(value)) return false;
  errors.push(`input ${name} must be true or false, not "${value}"`);
  return true;
}

function parseCommand(value: string, errors: string[]): ActionCommand {
  if (value === 'validate' || value === 'plan' || value === 'apply') return value;
  errors.push(`input command must be validate, plan or apply, not "${value}"`);
  return 'validate';
}

function parsePrivacy(value: string, errors: string[]): PrivacySetting {
  const v = value.toLowerCase();
  if (v === 'auto') return 'auto';
  if (v === 'true' || v === 'on') return 'on';
  if (v === 'false' || v === 'off') return 'off';
  errors.push(`input privacy must be auto, true or false, not "${value}"`);
  return 'on';
}

function parseMaxChars(value: string, errors: string[]): number {
  const n = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < MIN_COMMENT_CHARS || n > GITHUB_COMMENT_LIMIT) {
    errors.push(`input comment-max-chars must be a whole number from ${MIN_COMMENT_CHARS} to ${GITHUB_COMMENT_LIMIT}, not "${value}"`);
    return Number(INPUT_DEFAULTS['comment-max-chars']);
  }
  return n;
}

export function parseInputs(env: Env): ParsedInputs {
  const errors: string[] = [];
  const command = parseCommand(withDefault(env, 'command'), errors);
  const plan = raw(env, 'plan') || null;
  if (plan !== null && command !== 'apply') errors.push(`input plan (a saved plan to apply) only works with command: apply, not command: ${command}`);
  const inputs: ActionInputs = {
    command,
    config: withDefault(env, 'config'),
    githubToken: raw(env, 'github-token'),
    comment: parseBoolean('comment', withDefault(env, 'comment'), errors),
    privacy: parsePrivacy(withDefault(env, 'privacy'), errors),
    plan,
    journal: raw(env, 'journal') || null,
    statusFile: raw(env, 'status-file') || null,
    workingDirectory: withDefault(env, 'working-directory'),
    commentMaxChars: parseMaxChars(withDefault(env, 'comment-max-chars'), errors),
    commentAuthor: withDefault(env, 'comment-author'),
  };
  return errors.length > 0 ? { ok: false, errors } : { ok: true, inputs };
}

/** Privacy on or off for this run: `auto` is on unless the repository is known to be private. */
export function privacyFor(setting: PrivacySetting, repositoryPrivate: boolean | null): boolean {
  if (setting === 'on') return true;
  if (setting === 'off') return false;
  return repositoryPrivate !== true;
}
