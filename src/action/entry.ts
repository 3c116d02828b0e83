/** The bundle's entry point (dist/index.js): run the Action and hand its exit code to the runner. */
import { runAction } from './main.js';

process.exitCode = (await runAction()).exitCode;
