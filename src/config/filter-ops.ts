import type { FilterOp } from './types.js';

/** Every filter operator, in the order the schema and messages list them. */
export const FILTER_OPS: readonly FilterOp[] = [
  'equals',
  'notEquals',
  'startsWith',
  'endsWith',
  'contains',
  'matches',
  'in',
  'memberOf',
  'under',
];
