import { redactText, type RedactionResult } from '../src/redaction/index.ts';
import { createRng, ordinarySample, secretSample, type SecretKind } from './redaction-corpus-gen.ts';

export interface CorpusReport {
  secrets: number;
  ordinary: number;
  /** per kind: total, hidden (covered by any redaction), right kind */
  recall: Record<string, { total: number; hidden: number; rightKind: number }>;
  falsePositives: Record<string, number>;
  ordinaryFlagged: number;
  misses: Array<{ kind: SecretKind; form: string }>;
  fpForms: Array<{ form: string; kinds: string[] }>;
}

// Every secret character must be inside a redaction. Numbering and separators around the words of a
// phrase ("1. ", ", ") are not secret, so for phrases only letters count.
export function covered(text: string, result: RedactionResult, kind: string, start: number, end: number, sameKind: boolean): boolean {
  const secretChar = kind === 'seed_phrase' ? /\p{L}/u : /[\p{L}\p{N}]/u;
  const spans = sameKind ? result.redactions.filter((r) => r.kind === kind) : result.redactions;
  for (let i = start; i < end; i++) {
    if (!secretChar.test(text[i]!)) continue;
    if (!spans.some((r) => r.start <= i && i < r.end)) return false;
  }
  return true;
}

/** Runs the detector over `secrets` + `ordinary` generated samples (seeded). */
export function measureCorpus(secrets: number, ordinary: number, seed = 20261127): CorpusReport {
  const rng = createRng(seed);
  const report: CorpusReport = { secrets, ordinary, recall: {}, falsePositives: {}, ordinaryFlagged: 0, misses: [], fpForms: [] };
  for (let i = 0; i < secrets; i++) {
    const s = secretSample(rng, i);
    const r = redactText(s.text);
    const row = (report.recall[s.kind] ??= { total: 0, hidden: 0, rightKind: 0 });
    row.total++;
    if (covered(s.text, r, s.kind, s.start, s.end, false)) row.hidden++;
    else report.misses.push({ kind: s.kind, form: s.form });
    if (covered(s.text, r, s.kind, s.start, s.end, true)) row.rightKind++;
  }
  for (let i = 0; i < ordinary; i++) {
    const o = ordinarySample(rng, i);
    const r = redactText(o.text);
    if (!r.redactions.length) continue;
    report.ordinaryFlagged++;
    const kinds = [...new Set(r.redactions.map((x) => x.kind))];
    for (const k of kinds) report.falsePositives[k] = (report.falsePositives[k] ?? 0) + 1;
    report.fpForms.push({ form: o.form, kinds });
  }
  return report;
}
