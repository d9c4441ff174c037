// Builds the console (web/) into web/dist with Vite; the server serves it at /.
import { build } from 'vite';

await build({ configFile: new URL('../web/vite.config.ts', import.meta.url).pathname, logLevel: 'warn' });
console.error('opsdesk: console built into web/dist');
