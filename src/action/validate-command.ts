/**
 * `command: validate`: the offline config check (schema and semantic rules), as annotations on the
 * config's lines, a job summary and the step result. Reads no credentials: safe for anyone.
 */
import * as core from '@actions/core';
import { runValidate, validateSummary, validateVerdict, type ValidateReport } from '../app/run-validate.js';
import { formatDiagnostic, sortDiagnostics } from '../diagnostics/diagnostic.js';
import { EXIT } from '../cli/exit-codes.js';
import { escapeMarkdown, formatCount } from '../render/index.js';
import { annotate } from './annotations.js';
import type { ActionContext } from './context.js';
import { configLabel } from './plan-comment.js';
import { setOutputs, StepSummary } from './summary.js';

const MAX_ROWS = 200;

export function validateMarkdown(ctx: ActionContext, report: ValidateReport): string {
  const lines = [`### halo-sync validate ${configLabel(ctx)}: ${report.valid ? '✅' : '❌'} ${validateVerdict(report)}`, ''];
  const diagnostics = sortDiagnostics(report.diagnostics);
  for (const d of diagnostics.slice(0, MAX_ROWS)) lines.push(`- ${d.severity === 'error' ? '❌' : '⚠️'} ${escapeMarkdown(formatDiagnostic(d), 600)}`);
  if (diagnostics.length > MAX_ROWS) lines.push(`- … and ${formatCount(diagnostics.length - MAX_ROWS)} more in the job log`);
  return `${lines.join('\n')}\n`;
}

/** Runs the check, annotates, writes the summary; the caller decides what else to do with it. */
export async function checkConfig(ctx: ActionContext): Promise<ValidateReport> {
  const report = await runValidate(ctx.inputs.config, { cwd: ctx.workdir });
  annotate(report.diagnostics, ctx);
  core.info(validateSummary(report));
  await new StepSummary(ctx.env.GITHUB_STEP_SUMMARY, ctx.secrets).add(validateMarkdown(ctx, report));
  return report;
}

export async function validateCommand(ctx: ActionContext): Promise<number> {
  const report = await checkConfig(ctx);
  setOutputs({ valid: report.valid, privacy: ctx.privacy });
  if (!report.valid) core.error(validateSummary(report));
  return report.valid ? EXIT.ok : EXIT.error;
}
