import { runCli } from './main.ts';

// The process entry point: the only place that ends the process with an exit code.
const code = await runCli(process.argv.slice(2));
process.exitCode = code;
