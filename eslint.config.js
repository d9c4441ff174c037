// Lint rules, including the module boundaries of ARCHITECTURE.md: a module imports only the modules
// below it in the table, and only through their index.ts.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const modules = ['core', 'storage', 'redaction', 'entities', 'chains', 'tickets', 'telemetry', 'monitor', 'incidents', 'escalations', 'kb', 'community', 'assist', 'auth', 'http', 'cli', 'mcp', 'i18n', 'payments', 'demo'];

/** module -> the modules it may import (besides itself). */
const allowed = {
  core: [],
  i18n: ['core'],
  storage: ['core'],
  redaction: ['core'],
  chains: ['core', 'i18n'],
  entities: ['core', 'chains'],
  auth: ['core', 'storage'],
  kb: ['core', 'storage', 'i18n'],
  telemetry: ['core', 'redaction'],
  tickets: ['core', 'storage', 'redaction', 'entities', 'chains', 'kb', 'i18n', 'auth', 'telemetry', 'payments'],
  payments: ['core', 'storage', 'chains', 'redaction'],
  monitor: ['core', 'storage', 'telemetry', 'chains'],
  community: ['core', 'storage', 'redaction', 'entities', 'tickets', 'monitor', 'i18n'],
  incidents: ['core', 'storage', 'monitor', 'tickets', 'i18n', 'redaction'],
  escalations: ['core', 'storage', 'tickets', 'telemetry', 'chains', 'incidents', 'redaction', 'kb', 'payments'],
  assist: ['core', 'redaction', 'kb', 'i18n'],
  demo: modules.filter((m) => m !== 'demo'),
  http: modules.filter((m) => !['http', 'cli', 'mcp', 'demo'].includes(m)),
  cli: modules.filter((m) => m !== 'cli'),
  mcp: modules.filter((m) => !['http', 'cli', 'mcp', 'demo'].includes(m)),
};

const alt = (names) => names.join('|');

function boundaryRules(mod) {
  const forbidden = modules.filter((m) => m !== mod && !allowed[mod].includes(m));
  const patterns = [
    {
      regex: `^(\\.\\./)+(${alt(allowed[mod].length ? allowed[mod] : ['__none__'])})/(?!index\\.ts$).+`,
      message: 'Import another module only through its index.ts.',
    },
  ];
  if (!['cli', 'mcp', 'demo'].includes(mod)) patterns.push({ regex: '^(\\.\\./)+main\\.ts$', message: 'Only surfaces may import the composition root.' });
  if (forbidden.length) patterns.push({ regex: `^(\\.\\./)+(${alt(forbidden)})/`, message: `${mod}/ may import only: ${allowed[mod].join(', ') || 'nothing in src/'} (ARCHITECTURE.md).` });
  const vendor = {
    viem: ['chains', 'demo'],
    '@duckdb/node-api': ['telemetry'],
    '@duckdb/node-bindings': ['telemetry'],
    '@clickhouse/client': ['telemetry'],
    'better-sqlite3': ['storage'],
    pg: ['storage'],
    hono: ['http'],
    '@hono/node-server': ['http'],
  };
  const paths = Object.entries(vendor)
    .filter(([, owners]) => !owners.includes(mod))
    .map(([name, owners]) => ({ name, message: `${name} stays inside ${owners.join('/')}/ (ARCHITECTURE.md).` }));
  return { 'no-restricted-imports': ['error', { patterns, paths }] };
}

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'web/dist/**', 'data/**', 'bench/.out/**', '**/*.d.ts', 'test/fixtures/**', 'test/contracts/artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', performance: 'readonly', fetch: 'readonly', AbortController: 'readonly', AbortSignal: 'readonly', TextEncoder: 'readonly', TextDecoder: 'readonly', structuredClone: 'readonly', queueMicrotask: 'readonly', setImmediate: 'readonly', Response: 'readonly', Request: 'readonly', Headers: 'readonly', document: 'readonly', window: 'readonly', location: 'readonly', localStorage: 'readonly', navigator: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'error',
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.object.name='process'][callee.property.name='exit']", message: 'Only the CLI entry decides the exit code (set process.exitCode there).' }, { selector: 'ExportAllDeclaration', message: 'Use explicit named exports in index.ts.' }],
    },
  },
  ...modules.map((mod) => ({ files: [`src/${mod}/**/*.ts`, `src/${mod}/**/*.tsx`], ignores: [`src/${mod}/**/*.test.ts`, `src/${mod}/tests/**`], rules: boundaryRules(mod) })),
  { files: ['scripts/**', 'bin/**', 'bench/**', 'test/**', '**/*.test.ts', '**/tests/**'], rules: { 'no-console': 'off', 'no-restricted-syntax': 'off' } },
);
