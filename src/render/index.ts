/**
 * The renderers' public surface: Plan → text (terminal), Markdown (PR comment, job summary),
 * JSON (the contract), the reviewed-vs-applied comparison, and the shared counts. All pure.
 */
export { shouldUseColor } from './color.js';
export { groupChanges, personLabel, renderContext, sectionLabel, type ChangeSection, type RenderContext } from './context.js';
export { comparePlans, isSameEffect, type ChangePair, type PlanComparison } from './compare.js';
export { renderPlanComparisonMarkdown } from './compare-markdown.js';
export { planJsonValue, renderPlanJson } from './json.js';
export { DEFAULT_FULL_PLAN_HINT, DEFAULT_MAX_CHARS, renderPlanMarkdown, type MarkdownOptions } from './markdown.js';
export { escapeHtml, escapeMarkdown } from './markdown-escape.js';
export { parsePlanJson, type ParsedPlan } from './parse-json.js';
export { sanitizeText } from './sanitize.js';
export {
  agentSeatDelta,
  formatCount,
  isLicenceChange,
  NO_CHANGES_LINE,
  summaryCounts,
  summaryLine,
  type AgentSeatDelta,
  type SummaryCounts,
} from './summary.js';
export { renderPlanText, type TextOptions } from './text.js';
