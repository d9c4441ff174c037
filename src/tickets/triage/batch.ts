import { isOpsError } from '../../core/index.ts';
import { TicketInputInvalidError } from '../errors.ts';
import { TriageInput, type TriageResult } from '../ticket.ts';
import { checkJsonDepth, parseJsonText } from '../intake/validate.ts';
import type { Triager } from './triage.ts';

/** Reads the single-ticket input of `opsdesk triage`: a JSON object `{subject?, body|text, …}` or plain text. */
export function parseTriageInput(text: string): TriageInput | string {
  const trimmed = text.trim();
  if (!trimmed) throw new TicketInputInvalidError('the input is empty', ['Give the ticket text, or a JSON object with "body" or "text".']);
  if (trimmed.startsWith('{')) {
    checkJsonDepth(trimmed, 'the input');
    let value: unknown;
    try {
      value = parseJsonText(trimmed, 'the input');
    } catch {
      return text;
    }
    return toTriageInput(value);
  }
  return text;
}

function toTriageInput(value: unknown): TriageInput {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new TicketInputInvalidError('the JSON input is not an object');
  const r = TriageInput.safeParse(value);
  if (!r.success) throw new TicketInputInvalidError('the JSON input has invalid fields', r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`));
  if (r.data.body === undefined && r.data.text === undefined) throw new TicketInputInvalidError('the JSON input has neither "body" nor "text"');
  return r.data;
}

/** The contract's field order first (CONTRACTS.md §1), then the extras. */
export function orderResult(result: TriageResult, id?: unknown): Record<string, unknown> {
  const { category, categoryConfidence, severity, priority, chains, entities, redactions, redactedText, securityFlags, kb, ...extra } = result;
  return { ...(id !== undefined ? { id } : {}), category, categoryConfidence, severity, priority, chains, entities, redactions, redactedText, securityFlags, kb, ...extra };
}

export interface BatchCounts {
  ok: number;
  rejected: number;
}

/**
 * Triages one line of a `--jsonl` batch and returns the output line: the result with its `id`, or
 * `{ id?, line, error }` for a line that cannot be triaged (the batch goes on).
 */
export function triageJsonLine(triager: Triager, line: string, lineNo: number, counts: BatchCounts): string {
  let id: unknown;
  try {
    const value = parseJsonText(line, `line ${lineNo}`);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) id = (value as { id?: unknown }).id;
    const input = toTriageInput(value);
    const out = JSON.stringify(orderResult(triager.triage(input), id));
    counts.ok++;
    return out;
  } catch (err) {
    if (!isOpsError(err) || err.code !== 'VALIDATION') throw err;
    counts.rejected++;
    return JSON.stringify({ ...(id !== undefined ? { id } : {}), line: lineNo, error: err.shortMessage });
  }
}
