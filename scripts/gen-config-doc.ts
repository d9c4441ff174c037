// Writes docs/configuration.md from the config schema.
import { writeFileSync } from 'node:fs';
import { renderConfigReference } from '../src/core/config/reference.ts';

writeFileSync('docs/configuration.md', renderConfigReference() + '\n');
console.error('wrote docs/configuration.md');
