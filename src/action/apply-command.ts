/**
 * `command: apply`: only where config is reviewed and merged (a push to the default branch, the
 * schedule, a manual run of the default branch) — refused on pull requests. Runs the app layer's
 * runApply (re-plan and apply under the safety limits, or with `plan:` exactly the saved plan or
 * nothing), then publishes: outputs, the job summary, the journal and status files, and after a
 * merge a comment on the merged pull request comparing what was applied with what was reviewed.
 * On a schedule nothing is commented; a failure fails the step so GitHub notifies.
 */
import * as core from '@actions/core';
import { runApply, type ApplyRun } from '../app/run-apply.js';
import { hasChanges } from '../app/run-plan.js';
import { EXIT } from '../cli/exit-codes.js';
import { redactSecrets } from '../diagnostics/redact.js';
import { applyCountsText } from '../render/apply-report.js';
import { escapeMarkdown } from '../render/index.js';
import { annotatePlan } from './annotations.js';
import { commentOnMergedPull } from './apply-comment.js';
import { modeLine, runDetails, verdictLine } from './apply-report.js';
import type { ActionContext } from './context.js';
import { applyAllowed } from './event.js';
import { configLabel } from './plan-comment.js';
import { inputFile, logPlan, setPlanOutputs, summaryPlanMarkdown, tempFile } from './plan-files.js';
import { logProgress } from './progress.js';
import { setOutputs, StepSummary } from './summary.js';

const SUMMARY_REPORT_ROWS = 500;

export async function applyCommand(ctx: ActionContext): Promise<number> {
  const summary = new StepSummary(ctx.env.GITHUB_STEP_SUMMARY, ctx.secrets);
  const allowed = applyAllowed(ctx.event);
  if (!allowed.ok) {
    core.error(allowed.reason);
    await summary.add(`### halo-sync apply for ${configLabel(ctx)}: refused\n\n${escapeMarkdown(allowed.reason, 1000)}\n`);
    return EXIT.error;
  }
  const journal = await inputFile(ctx, ctx.inputs.journal, 'journal.jsonl');
  const statusFile = await inputFile(ctx, ctx.inputs.statusFile, 'status.json');
  // Set first, so the workflow's upload steps find them even when apply fails.
  setOutputs({ journal, 'status-file': statusFile, privacy: ctx.privacy });

  let run: ApplyRun | null = null;
  let failure: unknown = null;
  try {
    run = await runApply({
      configFile: ctx.inputs.config,
      cwd: ctx.workdir,
      env: ctx.env,
      progress: logProgress(core.info),
      ...(ctx.inputs.plan ? { planFile: ctx.inputs.plan } : {}),
      yes: true, // the merge (or the schedule someone merged) is the approval
      journalFile: journal,
      statusFile,
      lockFile: await tempFile(ctx, 'apply.lock'),
      onPlan: (computed) => {
        annotatePlan(computed, ctx);
        logPlan(ctx, computed.plan, computed.context);
      },
      onNote: (text) => core.info(redactSecrets(text, ctx.secrets)),
    });
  } catch (error) {
    failure = error;
  }

  const computed = run?.computed ?? null;
  if (computed) await setPlanOutputs(ctx, computed.plan);
  if (run) setOutputs({ outcome: run.status.outcome });
  await summary.add(applySummary(ctx, run, failure));
  if (ctx.event.name === 'push') await commentOnMergedPull(ctx, run, failure);
  if (!run) throw failure; // main reports it (config errors at their lines) and fails the step
  return finish(ctx, run);
}

function applySummary(ctx: ActionContext, run: ApplyRun | null, failure: unknown): string {
  const parts = [`### halo-sync apply for ${configLabel(ctx)}`, '', verdictLine(run), '', ...runDetails(ctx, run, failure, SUMMARY_REPORT_ROWS), '', modeLine(ctx, run), ''];
  const computed = run?.computed;
  if (computed && hasChanges(computed.plan)) {
    const title = run?.outcome.kind === 'refused' ? '#### The plan that was refused' : '#### The plan that was applied';
    parts.push(summaryPlanMarkdown(ctx, computed, { title, fullPlanHint: 'the full plan is in the plan file (the plan-file output)' }));
  }
  return parts.join('\n');
}

/** The step's result: refusals exit 3 with the reason, failed writes exit 1 with the first error. */
function finish(ctx: ActionContext, run: ApplyRun): number {
  const { outcome } = run;
  const clean = (text: string) => redactSecrets(text, ctx.secrets);
  switch (outcome.kind) {
    case 'refused': {
      const details = ctx.privacy ? [] : outcome.details.map((d) => `  ${d}`);
      core.error(clean([`Apply refused: ${outcome.message}`, ...details].join('\n')));
      return EXIT.refused;
    }
    case 'no-changes':
      core.info('No changes: Halo is in step with Google Workspace.');
      return EXIT.ok;
    case 'cancelled':
      core.error('Apply was cancelled; nothing was changed.');
      return EXIT.error;
    case 'applied': {
      const counts = applyCountsText(outcome.result);
      if (run.exitCode === EXIT.ok) {
        core.info(`Apply complete: ${counts}.`);
        return EXIT.ok;
      }
      const first = ctx.privacy ? '' : ` First error: ${run.status.lastError ?? 'see the job summary'}.`;
      core.error(clean(`Apply finished with failures: ${counts}.${first} Fix the cause and run apply again: it re-plans, so only what is missing is written.`));
      return run.exitCode;
    }
  }
}
