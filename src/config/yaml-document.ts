/**
 * Reads halo-sync.yaml text into plain data plus the position of every node, and turns every
 * YAML-level problem (syntax, duplicate keys, tabs, several documents, an empty file, a root that is
 * not a mapping, aliases that do not resolve, absurd nesting) into a positioned diagnostic. Pure.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node, type YAMLError } from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { valuePosition } from './positions.js';
import type { Position } from './types.js';
import { childPointer, humanPath, splitPointer } from './text.js';

export interface ParsedYaml {
  /** Plain data (yaml's toJS); present only when the YAML itself had no errors. */
  data?: unknown;
  positions: Record<string, Position>;
  keyPositions: Record<string, Position>;
  diagnostics: Diagnostic[];
}

/** Deeper than any real config; keeps every recursive walk after this one far from the stack limit. */
export const MAX_DEPTH = 64;

/** Errors whose yaml wording speaks to programmers (parseAllDocuments…): said in our own words. */
const WHOLE_MESSAGES: Record<string, string> = {
  TAB_AS_INDENT: 'a tab is used for indentation; YAML indents with spaces only: replace the tab with spaces',
  MULTIPLE_DOCS: "the file holds more than one YAML document (a second '---'); halo-sync reads a single document: remove the extra '---' and what follows, or merge it into the first",
};

/** What to do about a YAML error, recognised from yaml's own wording. */
function yamlHint(text: string): string {
  if (/Missing closing|end with a [\]}]/.test(text)) return 'close the quote or bracket';
  if (/compact mappings|Implicit keys|Implicit map keys/.test(text)) return 'quote values that contain \': \' (for example site: "A: B")';
  if (/indent|column|indicator/i.test(text)) return 'check the indentation: the keys of one mapping start at the same column, indented with spaces';
  return 'check the YAML syntax around this position';
}

/** yaml's own message without the " at line X, column Y:" tail and the pretty-printed excerpt. */
function firstLine(error: YAMLError): string {
  const line = error.message.split('\n')[0] ?? error.message;
  return line.replace(/ at line \d+, column \d+:?$/, '').trim();
}

function fromYamlError(error: YAMLError, file: string, text: string, keyPaths: Map<number, string>, keyPositions: Record<string, Position>): Diagnostic {
  const where = error.linePos?.[0];
  const base = { severity: 'error' as const, file, line: where?.line ?? 1, column: where?.col ?? 1 };
  if (error.code === 'DUPLICATE_KEY') {
    const pointer = keyPaths.get(error.pos[0]);
    const key = pointer === undefined ? text.slice(error.pos[0], error.pos[1]).trim() : (splitPointer(pointer).pop() ?? '');
    const first = pointer === undefined ? undefined : keyPositions[pointer];
    const parent = pointer === undefined ? '' : ` in ${humanPath(pointer.slice(0, pointer.lastIndexOf('/')))}`;
    const firstAt = first && (first.line !== base.line || first.column !== base.column) ? ` (first given at ${first.line}:${first.column})` : '';
    return { ...base, code: 'yaml-duplicate-key', pointer, message: `duplicate key '${key}'${parent}${firstAt}: each key may appear once; remove one of them` };
  }
  const message = WHOLE_MESSAGES[error.code] ?? `invalid YAML: ${firstLine(error)}; ${yamlHint(error.message)}`;
  return { ...base, code: `yaml-${error.code.toLowerCase().replace(/_/g, '-')}`, message };
}

interface Walk {
  lines: LineCounter;
  positions: Record<string, Position>;
  keyPositions: Record<string, Position>;
  /** Offset of each key → its entry's pointer (first occurrence wins), for duplicate-key messages. */
  keyPaths: Map<number, string>;
  unresolved: Array<{ pointer: string; at: Position; name: string }>;
  doc: Document;
}

function at(walk: Walk, offset: number): Position {
  const { line, col } = walk.lines.linePos(offset);
  return { line, column: col };
}

function scalarKey(key: unknown): string | undefined {
  if (!isScalar(key)) return undefined;
  const value = key.value;
  if (value === null) return '';
  return typeof value === 'object' ? undefined : String(value);
}

/** Records value positions by pointer. Iterative depth is bounded by MAX_DEPTH (checked before). */
function record(walk: Walk, node: Node | null | undefined, pointer: string, fallback: Position): void {
  const position = node?.range ? at(walk, node.range[0]) : fallback;
  // An implicit null (`site:` with nothing after it) has no text of its own: point at its key.
  const empty = isScalar(node) && node.value === null && node.source === '';
  walk.positions[pointer] = empty ? fallback : position;
  if (isAlias(node)) {
    if (!node.resolve(walk.doc)) walk.unresolved.push({ pointer, at: position, name: node.source });
    return;
  }
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = scalarKey(pair.key);
      if (key === undefined) continue;
      const entry = childPointer(pointer, key);
      const keyNode = pair.key as Node;
      const keyAt = keyNode.range ? at(walk, keyNode.range[0]) : position;
      if (!(entry in walk.keyPositions)) walk.keyPositions[entry] = keyAt;
      if (keyNode.range && !walk.keyPaths.has(keyNode.range[0])) walk.keyPaths.set(keyNode.range[0], entry);
      // For a duplicated key, the first occurrence's value is kept (as the error says).
      if (!(entry in walk.positions)) record(walk, pair.value as Node | null, entry, keyAt);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, index) => record(walk, item as Node | null, childPointer(pointer, index), position));
  }
}

/** Nesting depth of the document, measured without recursion so absurd inputs cannot overflow. */
function depthExceeds(root: Node | null, limit: number): Node | undefined {
  const stack: Array<{ node: unknown; depth: number }> = [{ node: root, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop() as { node: unknown; depth: number };
    if (depth > limit) return node as Node;
    if (isMap(node)) for (const pair of node.items) stack.push({ node: pair.value, depth: depth + 1 }, { node: pair.key, depth: depth + 1 });
    else if (isSeq(node)) for (const item of node.items) stack.push({ node: item, depth: depth + 1 });
  }
  return undefined;
}

/** Pointer of the first place the plain data nests deeper than `limit` (cycles included), found without recursion. */
function dataTooDeep(data: unknown, limit: number): string | undefined {
  const stack: Array<{ value: unknown; pointer: string; depth: number }> = [{ value: data, pointer: '', depth: 0 }];
  while (stack.length > 0) {
    const { value, pointer, depth } = stack.pop() as { value: unknown; pointer: string; depth: number };
    if (value === null || typeof value !== 'object') continue;
    if (depth > limit) return pointer;
    for (const [key, child] of Object.entries(value)) stack.push({ value: child, pointer: childPointer(pointer, key), depth: depth + 1 });
  }
  return undefined;
}

export function parseYaml(text: string, file: string): ParsedYaml {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: true, keepSourceTokens: false });
  const walk: Walk = { lines, positions: {}, keyPositions: {}, keyPaths: new Map(), unresolved: [], doc };
  const result: ParsedYaml = { positions: walk.positions, keyPositions: walk.keyPositions, diagnostics: [] };
  const error = (code: string, message: string, position: Position, pointer?: string): Diagnostic => ({ severity: 'error', code, message, file, ...position, pointer });

  const tooDeep = depthExceeds(doc.contents, MAX_DEPTH);
  if (tooDeep) {
    const position = tooDeep.range ? at(walk, tooDeep.range[0]) : { line: 1, column: 1 };
    result.diagnostics.push(error('yaml-too-deep', `the file is nested more than ${MAX_DEPTH} levels deep; a halo-sync config never needs that: flatten the filter or check the indentation`, position));
    return result;
  }
  record(walk, doc.contents, '', { line: 1, column: 1 });
  for (const e of doc.errors) result.diagnostics.push(fromYamlError(e, file, text, walk.keyPaths, walk.keyPositions));
  for (const w of doc.warnings) {
    const where = w.linePos?.[0];
    result.diagnostics.push({ severity: 'warning', code: `yaml-${w.code.toLowerCase().replace(/_/g, '-')}`, message: `${firstLine(w)}; the value is read as plain text: remove the tag`, file, line: where?.line ?? 1, column: where?.col ?? 1 });
  }
  for (const alias of walk.unresolved) {
    result.diagnostics.push(error('yaml-unresolved-alias', `alias '*${alias.name}' refers to an anchor '&${alias.name}' that is not defined before it: define the anchor first or write the value out`, alias.at, alias.pointer));
  }
  if (result.diagnostics.some((d) => d.severity === 'error')) return result;

  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) {
    result.diagnostics.push(error('empty-file', 'the file is empty: a halo-sync config needs at least version: 1, google, halo and mappings (see the example halo-sync.yaml)', { line: 1, column: 1 }, ''));
    return result;
  }
  if (!isMap(doc.contents)) {
    const kind = isSeq(doc.contents) ? 'a list' : 'a single value';
    result.diagnostics.push(error('root-not-mapping', `the file holds ${kind}, but a halo-sync config is a mapping of keys (version, google, halo, mappings, …)`, walk.positions[''] ?? { line: 1, column: 1 }, ''));
    return result;
  }
  let data: unknown;
  try {
    data = doc.toJS();
  } catch (caught) {
    // yaml refuses alias bombs and similar; say so instead of throwing.
    const reason = caught instanceof Error ? caught.message : String(caught);
    result.diagnostics.push(error('yaml-unreadable', `the YAML cannot be turned into data: ${reason}`, { line: 1, column: 1 }));
    return result;
  }
  // Aliases can nest an anchor inside itself (a cycle) or stack anchors deeper than the text shows.
  const deepAt = dataTooDeep(data, MAX_DEPTH);
  if (deepAt !== undefined) {
    const position = valuePosition({ positions: walk.positions, keyPositions: walk.keyPositions }, deepAt);
    result.diagnostics.push(error('yaml-alias-too-deep', `an alias here makes the data refer to itself or nest more than ${MAX_DEPTH} levels deep: write the value out instead of using the alias`, position, deepAt));
    return result;
  }
  result.data = data;
  return result;
}
