import type { z } from 'zod';

/** Env names that do not follow the OPSDESK_<SECTION>_<FIELD> rule, kept for convenience. */
const aliases: Record<string, string> = {
  OPSDESK_ADMIN_PASSWORD: 'auth.adminPassword',
  OPSDESK_PORT: 'server.port',
  OPSDESK_HOST: 'server.host',
};

interface Leaf {
  path: string;
  kind: string;
}

/** Lists the leaf fields of a zod object schema as dotted paths with their base type. */
export function leafFields(schema: z.ZodType, prefix = ''): Leaf[] {
  const def = unwrap(schema);
  if (def.type === 'object') {
    const shape = (def as unknown as { shape: Record<string, z.ZodType> }).shape;
    return Object.entries(shape).flatMap(([key, child]) => leafFields(child, prefix ? `${prefix}.${key}` : key));
  }
  return [{ path: prefix, kind: def.type }];
}

function unwrap(schema: z.ZodType): { type: string } {
  let def = (schema as unknown as { def: { type: string; innerType?: z.ZodType; shape?: unknown } }).def;
  while ((def.type === 'default' || def.type === 'optional' || def.type === 'nullable' || def.type === 'prefault') && def.innerType) {
    def = (def.innerType as unknown as { def: typeof def }).def;
  }
  if (def.type === 'object') return { type: 'object', shape: (schema as unknown as { shape: unknown }).shape ?? def.shape } as { type: string };
  return def;
}

export function envName(path: string): string {
  return 'OPSDESK_' + path.split('.').map((p) => p.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase()).join('_');
}

/** Reads OPSDESK_* variables into a partial config object; values of non-string fields are JSON. */
export function configFromEnv(schema: z.ZodType, env: NodeJS.ProcessEnv): { value: Record<string, unknown>; problems: string[] } {
  const value: Record<string, unknown> = {};
  const problems: string[] = [];
  const byName = new Map<string, Leaf>();
  for (const leaf of leafFields(schema)) byName.set(envName(leaf.path), leaf);
  for (const [alias, path] of Object.entries(aliases)) {
    const leaf = leafFields(schema).find((l) => l.path === path);
    if (leaf) byName.set(alias, leaf);
  }
  for (const [name, raw] of Object.entries(env)) {
    if (!name.startsWith('OPSDESK_') || raw === undefined || raw === '') continue;
    const leaf = byName.get(name);
    if (!leaf) continue;
    let parsed: unknown = raw;
    if (leaf.kind !== 'string' && leaf.kind !== 'enum') {
      try {
        parsed = JSON.parse(raw);
      } catch {
        problems.push(`${name}: expected ${leaf.kind === 'number' ? 'a number' : leaf.kind === 'boolean' ? 'true or false' : 'JSON'}, got ${JSON.stringify(raw)}`);
        continue;
      }
    }
    setPath(value, leaf.path, parsed);
  }
  return { value, problems };
}

export function setPath(target: Record<string, unknown>, path: string, v: unknown): void {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    const next = node[part];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts[parts.length - 1]!] = v;
}
