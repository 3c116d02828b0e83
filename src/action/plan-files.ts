/**
 * Files the Action leaves for later steps (the workflow uploads them as artifacts): the JSON plan,
 * and apply's journal, status and lock files, under RUNNER_TEMP/halo-sync with the config's slug
 * in the name, so a matrix of configs in one job never mixes them up.
 */
import * as core from '@actions/core';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { writeFileAtomic } from '../app/files.js';
import type { Plan } from '../plan/types.js';
import { hasChanges, type ComputedPlan } from '../app/run-plan.js';
import { renderPlanJson, renderPlanMarkdown, renderPlanText, summaryCounts, summaryLine } from '../render/index.js';
import type { MarkdownOptions, RenderContext } from '../render/index.js';
import { redactSecrets } from '../diagnostics/redact.js';
import type { ActionContext } from './context.js';
import { fitBytes, setOutputs, SUMMARY_PLAN_BYTES } from './summary.js';

export async function tempFile(ctx: ActionContext, suffix: string): Promise<string> {
  await mkdir(ctx.tempDir, { recursive: true });
  return join(ctx.tempDir, `${ctx.slug}.${suffix}`);
}

/** A path from an input, relative to the working directory; its folder is created. */
export async function inputFile(ctx: ActionContext, value: string | null, suffix: string): Promise<string> {
  if (value === null) return tempFile(ctx, suffix);
  const path = resolve(ctx.workdir, value);
  await mkdir(resolve(path, '..'), { recursive: true });
  return path;
}

export async function writePlanFile(ctx: ActionContext, plan: Plan): Promise<string> {
  const path = await tempFile(ctx, 'plan.json');
  await writeFileAtomic(path, renderPlanJson(plan));
  return path;
}

/** Writes the plan file and sets the outputs that describe a plan: has-changes, summary, plan-file, safe. */
export async function setPlanOutputs(ctx: ActionContext, plan: Plan): Promise<void> {
  setOutputs({
    'has-changes': hasChanges(plan),
    summary: JSON.stringify(summaryCounts(plan)),
    'plan-file': await writePlanFile(ctx, plan),
    safe: plan.safety.ok,
  });
}

/** The plan in Markdown for the job summary: as much of it as the summary's plan budget holds. */
export function summaryPlanMarkdown(ctx: ActionContext, computed: ComputedPlan, options: Pick<MarkdownOptions, 'title' | 'fullPlanHint'>): string {
  return fitBytes((maxChars) => renderPlanMarkdown(computed.plan, computed.context, { maxChars, privacy: ctx.privacy, ...options }), SUMMARY_PLAN_BYTES);
}

const LOG_MAX_CHARS = 500_000;

/** The text plan in a collapsed log group (not in privacy mode: public logs), then the summary line. */
export function logPlan(ctx: ActionContext, plan: Plan, renderContext: RenderContext): void {
  if (!ctx.privacy && plan.changes.length > 0) {
    core.startGroup(`Plan for ${ctx.configKey}`);
    const text = renderPlanText(plan, renderContext, { color: true });
    core.info(redactSecrets(text.length > LOG_MAX_CHARS ? `${text.slice(0, LOG_MAX_CHARS)}\n… cut; the full plan is in the plan file` : text, ctx.secrets));
    core.endGroup();
  }
  core.info(summaryLine(plan));
}
