import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describeJsonError } from '../../core/index.ts';
import { SlaSettingsInvalidError, SlaSettingsFileInvalidError } from './errors.ts';
import { defaultSlaSettings, parseSlaSettings, SlaSettings } from './policy.ts';

/** The SLA settings a runtime uses and where they come from (shown by the console and the API). */
export interface ConfiguredSla {
  settings: SlaSettings;
  /** A human-readable origin: the settings file or the built-in defaults. */
  source: string;
  /** The absolute path of the settings file, or null for the built-in defaults. */
  file: string | null;
}

/** The built-in policies, used when `sla.policiesFile` is not set. */
export const builtInSla: ConfiguredSla = { settings: defaultSlaSettings, source: 'built-in defaults (set sla.policiesFile to use your own)', file: null };

/** Keys of `raw` that the schema dropped (typos such as `firstReplyMinutes` would silently remove a target). */
function unknownKeys(raw: unknown, parsed: unknown, path: string[] = []): string[] {
  if (Array.isArray(raw) && Array.isArray(parsed)) return raw.flatMap((r, i) => unknownKeys(r, parsed[i], [...path, String(i)]));
  if (!raw || typeof raw !== 'object' || !parsed || typeof parsed !== 'object') return [];
  const p = parsed as Record<string, unknown>;
  return Object.entries(raw as Record<string, unknown>).flatMap(([k, v]) => (k in p ? unknownKeys(v, p[k], [...path, k]) : [`${[...path, k].join('.')}: unknown field`]));
}

/**
 * Reads and checks the SLA settings file named by `sla.policiesFile` (relative to `cwd`, like kb.dir);
 * without a file, the built-in defaults. Throws SlaSettingsFileInvalidError naming the bad field.
 */
export function loadSlaSettings(file: string | undefined, cwd: string = process.cwd()): ConfiguredSla {
  if (!file) return builtInSla;
  const path = resolve(cwd, file);
  if (!existsSync(path)) throw new SlaSettingsFileInvalidError(path, ['the file does not exist']);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new SlaSettingsFileInvalidError(path, [`not valid JSON: ${describeJsonError(err)}`]);
  }
  const shape = SlaSettings.safeParse(raw);
  if (!shape.success) throw new SlaSettingsFileInvalidError(path, shape.error.issues.map((i) => `${i.path.join('.') || '(top level)'}: ${i.message}`));
  const unknown = unknownKeys(raw, shape.data);
  if (unknown.length) throw new SlaSettingsFileInvalidError(path, unknown);
  try {
    return { settings: parseSlaSettings(raw), source: `${path} (sla.policiesFile)`, file: path };
  } catch (err) {
    if (err instanceof SlaSettingsInvalidError) throw new SlaSettingsFileInvalidError(path, [String(err.context.problem ?? err.shortMessage), ...err.metaMessages]);
    throw err;
  }
}
