import { Command, CommanderError } from 'commander';
import { logLevels, toOpsError } from '../core/index.ts';
import { commandRegistrations } from './commands/index.ts';
import { exitCodeOf } from './exit-codes.ts';
import { scrubText } from '../redaction/index.ts';

/** Builds the `opsdesk` program with the global flags and every command. */
export function buildProgram(): Command {
  const program = new Command('opsdesk')
    .description('OpsDesk: the support engineering workbench for a multi-chain, non-custodial wallet.')
    .option('--data-dir <dir>', 'directory of the embedded stores (default ./data)')
    .option('--config <file>', 'configuration file (default ./opsdesk.config.json when present)')
    .option('--json', 'machine-readable output on stdout')
    .option('--log-level <level>', `log level: ${logLevels.join(', ')}`)
    .showHelpAfterError()
    .exitOverride();
  program.configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) });
  for (const register of commandRegistrations) register(program);
  for (const cmd of allCommands(program)) cmd.exitOverride();
  return program;
}

function allCommands(cmd: Command): Command[] {
  return cmd.commands.flatMap((c) => [c, ...allCommands(c)]);
}

/** Runs the CLI and returns the exit code; the bin script is the only caller of process.exit. */
export async function runCli(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv as string[], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return 0;
      return 2;
    }
    const err = toOpsError(error);
    const debug = program.opts<{ logLevel?: string }>().logLevel === 'debug' || program.opts<{ logLevel?: string }>().logLevel === 'trace';
    process.stderr.write(`opsdesk: ${scrubText(err.message)}\n`);
    if (debug) process.stderr.write(`${scrubText(String((err.walk() as Error)?.stack ?? err.stack))}\n`);
    return exitCodeOf[err.code];
  }
}
