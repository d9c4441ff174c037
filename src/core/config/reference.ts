import { z } from 'zod';
import { envName } from './env.ts';
import { Config } from './schema.ts';

interface JsonSchema {
  type?: string | string[];
  description?: string;
  default?: unknown;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  additionalProperties?: JsonSchema | boolean;
}

/** Renders docs/configuration.md from the zod schema, so the reference never drifts from the code. */
export function renderConfigReference(): string {
  const schema = z.toJSONSchema(Config, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const lines = [
    '# Configuration reference',
    '',
    'Generated from `src/core/config/schema.ts` by `npx tsx scripts/gen-config-doc.ts`; do not edit by hand.',
    '',
    'Precedence: defaults < `opsdesk.config.json` (or `--config FILE`) < `OPSDESK_*` environment variables < command-line flags.',
    'Environment names are `OPSDESK_` + the path in upper snake case (`server.port` → `OPSDESK_SERVER_PORT`); values of',
    'non-string fields are JSON (`true`, `8080`, `["https://…"]`). Aliases: `OPSDESK_ADMIN_PASSWORD`, `OPSDESK_PORT`, `OPSDESK_HOST`.',
    'The whole configuration is validated once at start; every problem is listed together.',
    '',
  ];
  const top = schema.properties ?? {};
  const scalars = Object.entries(top).filter(([, s]) => !s.properties);
  if (scalars.length) {
    lines.push('## Top level', '', '| key | env | type | default | description |', '| --- | --- | --- | --- | --- |');
    for (const [key, s] of scalars) lines.push(row(key, s));
    lines.push('');
  }
  for (const [section, s] of Object.entries(top).filter(([, s]) => s.properties)) {
    lines.push(`## \`${section}\``, '', '| key | env | type | default | description |', '| --- | --- | --- | --- | --- |');
    for (const [path, leaf] of leaves(section, s)) lines.push(row(path, leaf));
    lines.push('');
  }
  return lines.join('\n');
}

function leaves(prefix: string, s: JsonSchema): Array<[string, JsonSchema]> {
  if (!s.properties) return [[prefix, s]];
  return Object.entries(s.properties).flatMap(([k, child]) => leaves(`${prefix}.${k}`, child));
}

function typeOf(s: JsonSchema): string {
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(' \\| ');
  if (s.anyOf) return s.anyOf.map(typeOf).join(' \\| ');
  if (s.type === 'array') return `${s.items ? typeOf(s.items) : 'any'}[]`;
  if (s.type === 'object' && s.additionalProperties && typeof s.additionalProperties === 'object') return `record of ${typeOf(s.additionalProperties)}`;
  return Array.isArray(s.type) ? s.type.join(' \\| ') : (s.type ?? 'any');
}

function row(path: string, s: JsonSchema): string {
  const def = s.default === undefined ? '' : `\`${JSON.stringify(s.default)}\``;
  const desc = (s.description ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ');
  return `| \`${path}\` | \`${envName(path)}\` | ${typeOf(s)} | ${def} | ${desc} |`;
}
