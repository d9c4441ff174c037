import type { Runtime } from '../main.ts';
import { chainTools } from './chain-tools.ts';
import { incidentTools } from './incident-tools.ts';
import { kbTools, type ToolSpec } from './tools.ts';
import { triageTools } from './triage-tools.ts';

/** Every read-only tool this runtime answers: knowledge base, diagnosis, addresses, triage, incidents. */
export function runtimeTools(runtime: Runtime): ToolSpec[] {
  return [...kbTools(runtime.kb), ...chainTools(runtime.chains, runtime.kb), ...triageTools(runtime.tickets), ...incidentTools(runtime.incidents)];
}
