import type { Command } from 'commander';
import { createLogger, loadConfig, logLevels, type Config, type ConfigInput, type LogLevel, type Logger } from '../core/index.ts';
import { openRuntime, type Runtime } from '../main.ts';
import { scrubText } from '../redaction/index.ts';

export interface GlobalOptions {
  dataDir?: string;
  config?: string;
  json?: boolean;
  logLevel?: string;
}

/** What a command gets: its global flags, configuration, a logger, the runtime on demand, and output helpers. */
export interface CliContext {
  global: GlobalOptions;
  json: boolean;
  config(): Config;
  logger(): Logger;
  runtime(): Promise<Runtime>;
  /** Prints a result: JSON on stdout with --json, otherwise the human rendering. */
  print<T>(value: T, human: (v: T) => string): void;
  stdout(text: string): void;
  stderr(text: string): void;
  close(): Promise<void>;
}

export function createContext(program: Command, overrides: ConfigInput = {}): CliContext {
  const global = program.opts<GlobalOptions>();
  let config: Config | undefined;
  let logger: Logger | undefined;
  let runtime: Promise<Runtime> | undefined;
  const ctx: CliContext = {
    global,
    json: Boolean(global.json),
    config() {
      if (!config) {
        const flags: ConfigInput = { ...overrides };
        if (global.dataDir) flags.dataDir = global.dataDir;
        if (global.logLevel && (logLevels as readonly string[]).includes(global.logLevel)) flags.log = { ...flags.log, level: global.logLevel as LogLevel };
        config = loadConfig({ file: global.config, flags });
      }
      return config;
    },
    logger() {
      logger ??= createLogger({ level: ctx.config().log.level, scrub: scrubText });
      return logger;
    },
    runtime() {
      runtime ??= openRuntime(ctx.config(), { logger: ctx.logger() });
      return runtime;
    },
    print(value, human) {
      process.stdout.write(ctx.json ? JSON.stringify(value) + '\n' : human(value).replace(/\n?$/, '\n'));
    },
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    async close() {
      if (runtime) await (await runtime.catch(() => undefined))?.close();
    },
  };
  return ctx;
}
