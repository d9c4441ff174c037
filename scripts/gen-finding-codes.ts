// Writes the generated sections of docs/finding-codes.md from the findings catalogues.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { renderFindingCodesDoc } from './finding-codes.ts';

const path = 'docs/finding-codes.md';
writeFileSync(path, renderFindingCodesDoc(existsSync(path) ? readFileSync(path, 'utf8') : undefined));
console.error(`wrote ${path}`);
