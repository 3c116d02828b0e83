/**
 * Diagnostics → GitHub annotations at file and line (core.error / core.warning), so config
 * errors show on the pull request's "Files changed" tab where the line is. Paths are made relative
 * to the repository root, which is what GitHub matches annotations against.
 */
import * as core from '@actions/core';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { formatDiagnostic, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { redactSecrets } from '../diagnostics/redact.js';
import type { ComputedPlan } from '../app/run-plan.js';

export interface AnnotationPlace {
  /** The repository root (GITHUB_WORKSPACE). */
  workspace: string;
  /** Where relative config paths are resolved (the working-directory input). */
  workdir: string;
  secrets: readonly string[];
}

/** `customers/acme.yaml` for a diagnostic's file, relative to the repository root, with `/`. */
export function repoPath(place: Pick<AnnotationPlace, 'workspace' | 'workdir'>, file: string): string {
  const absolute = isAbsolute(file) ? file : resolve(place.workdir, file);
  const rel = relative(place.workspace, absolute);
  return (rel === '' || rel.startsWith('..') || isAbsolute(rel) ? absolute : rel).split(sep).join('/');
}

/** At most this many annotations of each severity: GitHub shows 10 per step anyway; the log has all. */
const MAX_PER_SEVERITY = 50;

export function annotate(diagnostics: readonly Diagnostic[], place: AnnotationPlace): void {
  const shown = { error: 0, warning: 0 };
  for (const d of sortDiagnostics(diagnostics)) {
    const message = redactSecrets(d.message, place.secrets);
    // The log line keeps every diagnostic in the familiar FILE:LINE:COL form.
    core.info(redactSecrets(formatDiagnostic(d), place.secrets));
    if (shown[d.severity]++ >= MAX_PER_SEVERITY) continue;
    const properties: core.AnnotationProperties = { title: `halo-sync: ${d.code}` };
    if (d.file !== undefined) properties.file = repoPath(place, d.file);
    if (d.line !== undefined) properties.startLine = d.line;
    if (d.column !== undefined) properties.startColumn = d.column;
    if (d.severity === 'error') core.error(message, properties);
    else core.warning(message, properties);
  }
}

/**
 * A computed plan's diagnostics as annotations: the config's warnings always, the plan's own
 * diagnostics only outside privacy mode — they can name people (a protected agent missing from Halo).
 */
export function annotatePlan(computed: Pick<ComputedPlan, 'configWarnings' | 'planDiagnostics'>, place: AnnotationPlace & { privacy: boolean }): void {
  annotate(place.privacy ? computed.configWarnings : [...computed.configWarnings, ...computed.planDiagnostics], place);
}
