/** A manual clock for tests: `sleep` advances it instead of waiting, and records every wait. */
import type { Clock, Sleep } from '../../src/halo/index.js';

export interface FakeTime {
  clock: Clock;
  sleep: Sleep;
  advance(ms: number): void;
  sleeps: number[];
}

export function fakeTime(start = Date.UTC(2025, 0, 6, 9, 0, 0)): FakeTime {
  let now = start;
  const sleeps: number[] = [];
  return {
    clock: { now: () => now },
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
    advance: (ms) => {
      now += ms;
    },
    sleeps,
  };
}
