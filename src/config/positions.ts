/**
 * Finding where a JSON pointer is in the file. A node without its own entry (a default, a key that
 * is missing, a value reached through a YAML alias) is shown at its nearest ancestor that has one.
 */
import type { Position } from './types.js';
import { parentPointer } from './text.js';

export interface PositionIndex {
  positions: Readonly<Record<string, Position>>;
  keyPositions: Readonly<Record<string, Position>>;
}

const START: Position = { line: 1, column: 1 };

/** Position of the value at `pointer`, else of its nearest recorded ancestor, else 1:1. */
export function valuePosition(index: PositionIndex, pointer: string): Position {
  let current = pointer;
  for (;;) {
    const found = index.positions[current];
    if (found) return found;
    if (current === '') return START;
    current = parentPointer(current);
  }
}

/** Position of the key of the entry at `pointer` (falls back like valuePosition). */
export function keyPosition(index: PositionIndex, pointer: string): Position {
  return index.keyPositions[pointer] ?? valuePosition(index, pointer);
}

/** Whether the user wrote this node (defaults have no position of their own). */
export function isWritten(index: PositionIndex, pointer: string): boolean {
  return pointer in index.positions;
}

export function valueAtPointer(data: unknown, segments: readonly string[]): unknown {
  let current: unknown = data;
  for (const segment of segments) {
    if (current === null || typeof current !== 'object') return undefined;
    current = Object.prototype.hasOwnProperty.call(current, segment) ? (current as Record<string, unknown>)[segment] : undefined;
  }
  return current;
}
