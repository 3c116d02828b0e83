/**
 * `halo-sync demo`: the tour for a newcomer, entirely on this machine. Starts the sandbox
 * in-process from the packaged examples/sandbox-seed.yaml, then with the packaged halo-sync.yaml:
 * plan → apply → plan, explaining each step, and ends with the second plan's "No changes".
 *
 * Both files are found next to the package (src/app and lib/app both sit two levels below its
 * root), not in the current directory. The sandbox's settings reach the clients through the
 * request's env only (process.env is never touched, and nothing from the user's own environment
 * is passed on: a real HALO_AUTH_URL or Google key must not mix with the sandbox).
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { renderApplyText } from '../render/apply-report.js';
import { defaultSeedPath, loadSeedFile } from '../sandbox/seed.js';
import { startSandbox } from '../sandbox/index.js';
import type { ProgressReporter } from './progress.js';
import { runApply } from './run-apply.js';
import { renderPlan } from './render-plan.js';
import { computePlan } from './run-plan.js';

const DEMO_CONFIG_NAME = 'halo-sync.yaml';

function packageRoot(): string {
  return fileURLToPath(new URL('../../', import.meta.url));
}

export interface DemoRequest {
  /** Narrative, plans and the report (stdout). */
  say(text: string): void;
  /** Warnings (stderr). */
  warn(diagnostics: readonly Diagnostic[]): void;
  progress: ProgressReporter;
  color: boolean;
  /** Where the journal goes; default a new temporary directory. */
  workDir?: string;
}

export interface DemoOutcome {
  exitCode: number;
  journalFile: string;
  /** True when the plan after apply has no changes (the demo's promise). */
  converged: boolean;
}

const rule = (title: string) => `\n━━ ${title} ${'━'.repeat(Math.max(3, 72 - title.length))}\n`;

export async function runDemo(request: DemoRequest): Promise<DemoOutcome> {
  const { say } = request;
  const root = packageRoot();
  const seedPath = defaultSeedPath();
  const seed = await loadSeedFile(seedPath);
  const workDir = request.workDir ?? (await mkdtemp(join(tmpdir(), 'halo-sync-demo-')));
  const journalFile = join(workDir, 'journal.jsonl');

  say(
    'halo-sync demo: keep HaloPSA people in step with Google Workspace, as code.\n' +
      'Everything below runs on this machine against a local sandbox: no real Google or Halo is touched.\n',
  );
  const sandbox = await startSandbox({ seed });
  try {
    say(
      `Started the sandbox from examples/sandbox-seed.yaml:\n` +
        `  Google Directory API  ${sandbox.env.GOOGLE_API_ROOT}  (Brightwater IT, an MSP, and two customer directories)\n` +
        `  Halo API              ${sandbox.env.HALO_URL}  (its Halo tenant, with years of hand-made records)\n` +
        `The config is ${DEMO_CONFIG_NAME} (read it: every key is commented).\n`,
    );
    const base = { configFile: DEMO_CONFIG_NAME, cwd: root, env: { ...sandbox.env }, progress: request.progress };

    say(rule('Step 1 of 3: plan'));
    say('halo-sync reads both sides and works out every change. Nothing is written. In a pull request, this is the comment reviewers approve.\n\n');
    const first = await computePlan(base);
    request.warn([...first.configWarnings, ...first.planDiagnostics]);
    say(renderPlan(first.plan, 'text', first.context, { color: request.color }));

    say(rule('Step 2 of 3: apply'));
    say(
      'apply re-reads both sides and re-plans (it never trusts a stale plan), checks the safety limits, then writes in an order\n' +
        'that keeps access safe: settings, creates and updates, role and CAB additions, removals, and deactivations last.\n' +
        '(In real use it asks first, or runs on merge with --yes.)\n\n',
    );
    const applied = await runApply({ ...base, clients: first.clients, yes: true, journalFile, lockFile: false });
    if (applied.outcome.kind === 'applied') say(renderApplyText(applied.outcome.result, { color: request.color }));
    else if (applied.outcome.kind === 'refused') say(`Apply refused: ${applied.outcome.message}\n${applied.outcome.details.map((d) => `  ${d}\n`).join('')}`);
    else say('Apply found nothing to do.\n');
    say(`Every operation was journaled, one JSON line each: ${journalFile}\n`);

    say(rule('Step 3 of 3: plan again'));
    say('Running plan again shows whether Halo now matches Google Workspace. It should have nothing left to do:\n\n');
    const second = await computePlan({ ...base, clients: first.clients });
    say(renderPlan(second.plan, 'text', second.context, { color: request.color }));
    const converged = second.plan.changes.length === 0;

    say(rule('What next'));
    // From a clone the command is `npx halo-sync` (installed globally, plain `halo-sync`).
    say(
      '  npx halo-sync sandbox > sandbox.env &    keep a sandbox running; then `. ./sandbox.env` and:\n' +
        '  npx halo-sync plan                       after editing halo-sync.yaml (add a role rule, or set lifecycle.outOfScope: deactivate)\n' +
        '  npx halo-sync explain priya.nair@brightwater.example   why one person gets what they get\n' +
        '  npx halo-sync doctor                     check credentials, scopes and permissions\n',
    );
    return { exitCode: converged && applied.exitCode === 0 ? 0 : 1, journalFile, converged };
  } finally {
    await sandbox.close();
  }
}
