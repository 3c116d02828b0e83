import type { Command } from 'commander';
import type { CommandContext } from '../main.js';
import { registerApply } from './apply.js';
import { registerDemo } from './demo.js';
import { registerDoctor } from './doctor.js';
import { registerExplain } from './explain.js';
import { registerPlan } from './plan.js';
import { registerValidate } from './validate.js';
import { registerSandbox } from './sandbox.js';

/** Registers every command; one file per command in this folder. */
export function registerCommands(program: Command, ctx: CommandContext): void {
  registerValidate(program, ctx);
  registerPlan(program, ctx);
  registerExplain(program, ctx);
  registerApply(program, ctx);
  registerDemo(program, ctx);
  registerSandbox(program, ctx);
  registerDoctor(program, ctx);
}
