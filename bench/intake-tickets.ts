// Realistic ~1 KB support tickets for the intake benchmarks: one message with identifiers (hashes,
// addresses, amounts, IDs), prose around it, and a secret in one ticket of ten.
import { createRng, secretSample } from './redaction-corpus-gen.ts';
import { ordinarySample, ticketProse } from './redaction-corpus-ordinary.ts';

/** `count` tickets of about `bytes` characters each, deterministic for a seed. */
export function intakeTickets(count: number, bytes = 1024, seed = 99): Array<{ id: string; text: string }> {
  const rng = createRng(seed);
  const out: Array<{ id: string; text: string }> = [];
  for (let i = 0; i < count; i++) {
    let text = ticketProse(rng) + '\n';
    if (i % 10 === 0) text += secretSample(rng, i).text + '\n';
    text += ordinarySample(rng, i).text + '\n';
    while (text.length < bytes) text += ticketProse(rng) + ' ';
    out.push({ id: `t${i}`, text: text.slice(0, bytes) });
  }
  return out;
}
