/** The field maps of both imports with their pointers, for the field-map rules. */
import type { ImportKind } from '../../fields/halo-fields.js';
import type { FieldMap } from '../types.js';
import type { RuleContext } from './context.js';

export interface PlacedFieldMap {
  kind: ImportKind;
  map: FieldMap;
  index: number;
  pointer: string;
}

export const IMPORT_KINDS: readonly ImportKind[] = ['users', 'agents'];

export function fieldMapsOf(context: RuleContext, kind: ImportKind): PlacedFieldMap[] {
  return context.config.fields[kind].map((map, index) => ({ kind, map, index, pointer: `/fields/${kind}/${index}` }));
}
