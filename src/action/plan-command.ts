/**
 * `command: plan`: read both sides, plan, and publish the plan — job summary, outputs, the JSON
 * plan file, and on a pull request the ONE sticky comment for this config, edited in place.
 * Pull requests from forks never get a plan (no credentials are touched): they get the offline
 * check and a comment saying how a maintainer can bring the change in. A plan over the safety
 * limits fails the step (exit 3): merging it would only make apply refuse.
 */
import * as core from '@actions/core';
import { computePlan, type ComputedPlan } from '../app/run-plan.js';
import { EXIT } from '../cli/exit-codes.js';
import { formatCount } from '../render/index.js';
import { annotatePlan } from './annotations.js';
import type { ActionContext } from './context.js';
import { configLabel, failedPlanCommentBody, failureLines, forkCommentBody, planCommentBody } from './plan-comment.js';
import { logPlan, setPlanOutputs, summaryPlanMarkdown } from './plan-files.js';
import { logProgress } from './progress.js';
import { postSticky } from './publish.js';
import { setOutputs, StepSummary } from './summary.js';
import { checkConfig } from './validate-command.js';

const MAX_WARNING_ANNOTATIONS = 20;

export async function planCommand(ctx: ActionContext): Promise<number> {
  const pr = ctx.event.pullRequest;
  if (pr?.fromFork) return forkPlan(ctx, pr.number);
  const summary = new StepSummary(ctx.env.GITHUB_STEP_SUMMARY, ctx.secrets);
  let computed: ComputedPlan;
  try {
    computed = await computePlan({ configFile: ctx.inputs.config, cwd: ctx.workdir, env: ctx.env, progress: logProgress(core.info) });
  } catch (error) {
    await summary.add([`### halo-sync plan for ${configLabel(ctx)}: ❌ failed`, '', ...failureLines(ctx, error), ''].join('\n'));
    if (pr) await postSticky(ctx, 'plan', pr.number, failedPlanCommentBody(ctx, error));
    throw error; // main annotates it and fails the step
  }
  const { plan } = computed;
  annotatePlan(computed, ctx);
  warnPlanWarnings(ctx, computed);
  await setPlanOutputs(ctx, plan);
  setOutputs({ privacy: ctx.privacy });
  logPlan(ctx, plan, computed.context);
  await summary.add(summaryPlanMarkdown(ctx, computed, { fullPlanHint: 'the full plan is in the plan file (the plan-file output; the workflow uploads it as an artifact)' }));
  if (pr) await postSticky(ctx, 'plan', pr.number, planCommentBody(ctx, computed));
  if (!plan.safety.ok) {
    const why = plan.safety.violations.map((v) => v.message).join('; ');
    core.error(`This plan is over the safety limits (${why}): apply would refuse it. If it is intended, raise the limit in ${ctx.configKey} through review, then plan again.`);
    return EXIT.refused;
  }
  return EXIT.ok;
}

function warnPlanWarnings(ctx: ActionContext, computed: ComputedPlan): void {
  const warnings = computed.plan.warnings;
  if (warnings.length === 0) return;
  if (ctx.privacy) {
    const codes = [...new Set(warnings.map((w) => w.code))].join(', ');
    core.warning(`The plan has ${formatCount(warnings.length)} warning(s) (${codes}); privacy mode keeps their text (names) out of the log.`);
    return;
  }
  for (const w of warnings.slice(0, MAX_WARNING_ANNOTATIONS)) core.warning(w.message, { title: `halo-sync: ${w.code}` });
  if (warnings.length > MAX_WARNING_ANNOTATIONS) core.warning(`… and ${formatCount(warnings.length - MAX_WARNING_ANNOTATIONS)} more plan warnings (in the job summary).`);
}

async function forkPlan(ctx: ActionContext, number: number): Promise<number> {
  core.warning(`Pull request #${number} comes from a fork: no plan is made and no credentials are used; running the offline config check instead.`);
  const report = await checkConfig(ctx);
  await postSticky(ctx, 'plan', number, forkCommentBody(ctx, report));
  setOutputs({ 'has-changes': false, privacy: ctx.privacy, valid: report.valid });
  return report.valid ? EXIT.ok : EXIT.error;
}
