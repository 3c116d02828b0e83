/**
 * Plan → output in the format the user asked for. Separate from run-plan.ts so the command shells
 * can import it without loading the API clients (they are imported only when a command runs, which
 * keeps `validate` and `--help` quick to start).
 */
import type { Plan } from '../plan/types.js';
import { renderPlanJson, renderPlanMarkdown, renderPlanText, type RenderContext } from '../render/index.js';

export type PlanFormat = 'text' | 'markdown' | 'json';

export function hasChanges(plan: Plan): boolean {
  return plan.changes.length > 0;
}

export function renderPlan(plan: Plan, format: PlanFormat, context: RenderContext, options: { color: boolean }): string {
  switch (format) {
    case 'json':
      return renderPlanJson(plan);
    case 'markdown':
      return renderPlanMarkdown(plan, context);
    case 'text':
      return renderPlanText(plan, context, { color: options.color });
  }
}
