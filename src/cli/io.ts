/**
 * The process boundary of the CLI, injectable so tests run commands in-process with captured
 * output and a chosen environment.
 */
import { fstatSync } from 'node:fs';

export interface OutputStream {
  write(text: string): unknown;
  /** True when attached to a terminal (colour, progress, prompts). */
  isTTY?: boolean;
}

export interface CliIO {
  stdout: OutputStream;
  stderr: OutputStream;
  env: Record<string, string | undefined>;
  cwd: string;
  /** Asks a yes/no question on the terminal; absent when stdin is not a terminal. */
  confirm?: (question: string) => Promise<boolean>;
  /**
   * Resolves when a long-running command (`sandbox`) should stop. Absent: on SIGINT or SIGTERM.
   * Tests inject it to stop the command in-process.
   */
  untilInterrupted?: () => Promise<void>;
  /** True when stdout is a pipe (`$(…)`, `| …`, a parent process's socket), not a terminal or a file. */
  stdoutIsPipe?: () => boolean;
}

export function processIO(): CliIO {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    confirm: process.stdin.isTTY ? confirmOnTerminal : undefined,
    stdoutIsPipe: () => {
      try {
        const stat = fstatSync(1);
        return stat.isFIFO() || stat.isSocket();
      } catch {
        return false;
      }
    },
  };
}

async function confirmOnTerminal(question: string): Promise<boolean> {
  const { createInterface } = await import('node:readline/promises');
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await rl.question(question);
    return answer.trim().toLowerCase() === 'yes';
  } finally {
    rl.close();
  }
}
