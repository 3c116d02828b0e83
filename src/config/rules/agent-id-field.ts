import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { NAME_FIELDS } from '../../fields/halo-fields.js';
import { isWritten } from '../positions.js';
import { didYouMean } from '../text.js';
import { report, type RuleContext } from './context.js';
import { HALO_AGENT_STRING_FIELDS } from './halo-agent-string-fields.js';

const POINTER = '/matching/agentIdField';

/** Why a string field of the agent record still cannot hold the Google id. */
function refusal(field: string): string | undefined {
  const lower = field.toLowerCase();
  if ((NAME_FIELDS as readonly string[]).includes(lower)) return 'names are always mapped from Google';
  if (lower.includes('email') || lower === 'exchange_account') return 'it holds an email address that Halo uses to sign in and notify';
  if (/password|token|secret|oauth|_key$/.test(lower)) return 'it holds a credential';
  if (lower.startsWith('_')) return 'it is a write-only import instruction, not a stored field';
  return undefined;
}

/**
 * Agents have no googleworkplace_id, so the Google id lives in a string field of the agent record
 * (`third_party_guid` by default). It must exist, be safe to overwrite, and not be filled by a field map.
 */
export function agentIdField(context: RuleContext): Diagnostic[] {
  const field = context.config.matching.agentIdField;
  if (!HALO_AGENT_STRING_FIELDS.includes(field)) {
    return [
      report(context, {
        code: 'unknown-agent-id-field',
        pointer: POINTER,
        message: `matching.agentIdField '${field}' is not a string field of Halo's agent record${didYouMean(field, HALO_AGENT_STRING_FIELDS)}: use third_party_guid (the default) or another free string field such as matching_value`,
      }),
    ];
  }
  const reason = refusal(field);
  if (reason) {
    return [report(context, { code: 'agent-id-field-refused', pointer: POINTER, message: `matching.agentIdField cannot be '${field}' (${reason}): use third_party_guid (the default) or matching_value` })];
  }
  const defaulted = !isWritten(context, '/fields/agents');
  if (defaulted && context.config.fields.agents.some((f) => f.to.toLowerCase() === field.toLowerCase())) {
    return [
      report(context, {
        code: 'agent-id-field-is-target',
        pointer: POINTER,
        message: `matching.agentIdField '${field}' is also filled by the default agent field maps: choose another field, or list fields.agents explicitly without '${field}'`,
      }),
    ];
  }
  return [];
}
