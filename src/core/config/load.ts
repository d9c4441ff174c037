import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ValidationError } from '../errors/index.ts';
import { describeJsonError } from '../json-error.ts';
import { configFromEnv } from './env.ts';
import { Config, type ConfigInput } from './schema.ts';

export interface LoadConfigOptions {
  /** Explicit config file (`--config`); must exist when given. */
  file?: string | undefined;
  /** Directory searched for `opsdesk.config.json` when no file is given. */
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Values from command-line flags, highest precedence. */
  flags?: ConfigInput;
}

export class ConfigInvalidError extends ValidationError {
  override name = 'ConfigInvalidError';
  constructor(problems: string[], source: string) {
    super(`The configuration is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}).`, {
      metaMessages: [...problems.map((p) => `- ${p}`), '', `Fix ${source} and start again. The reference is docs/configuration.md.`],
      docsPath: 'config-invalid',
      context: { problems },
    });
  }
}

/** Loads the configuration: defaults < config file < OPSDESK_* env < flags, validated once. */
export function loadConfig(options: LoadConfigOptions = {}): Config {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const fileName = options.file ?? env.OPSDESK_CONFIG ?? (existsSync(resolve(cwd, 'opsdesk.config.json')) ? 'opsdesk.config.json' : undefined);
  const sources: string[] = [];
  const problems: string[] = [];
  let fromFile: Record<string, unknown> = {};
  if (fileName) {
    const path = resolve(cwd, fileName);
    sources.push(path);
    if (!existsSync(path)) {
      throw new ConfigInvalidError([`config file ${path} does not exist`], 'the --config path');
    }
    try {
      const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) problems.push(`${path}: the file must hold one JSON object`);
      else fromFile = parsed as Record<string, unknown>;
    } catch (err) {
      problems.push(`${path}: not valid JSON (${describeJsonError(err)})`);
    }
  }
  const fromEnv = configFromEnv(Config, env);
  problems.push(...fromEnv.problems);
  if (Object.keys(fromEnv.value).length) sources.push('OPSDESK_* environment variables');
  const merged = deepMerge(deepMerge(fromFile, fromEnv.value), (options.flags ?? {}) as Record<string, unknown>);
  const result = Config.safeParse(merged);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const where = issue.path.length ? issue.path.join('.') : '(root)';
      problems.push(`${where}: ${issue.message}`);
    }
  }
  if (problems.length || !result.success) throw new ConfigInvalidError(problems, sources.join(', ') || 'the configuration');
  return result.data;
}

function deepMerge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    if (value === undefined) continue;
    const prev = out[key];
    out[key] = isPlain(prev) && isPlain(value) ? deepMerge(prev, value) : value;
  }
  return out;
}

function isPlain(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
