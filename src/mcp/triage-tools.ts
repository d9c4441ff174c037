import { z } from 'zod';
import type { TicketService } from '../tickets/index.ts';
import type { ToolSpec } from './tools.ts';

/** triage_text: the ticket classifier on a user message, without creating a ticket. */
export function triageTools(tickets: () => Promise<TicketService>): ToolSpec[] {
  const triage: ToolSpec<{ text: z.ZodString; subject: z.ZodOptional<z.ZodString>; locale: z.ZodOptional<z.ZodString>; platform: z.ZodOptional<z.ZodString>; appVersion: z.ZodOptional<z.ZodString> }> = {
    name: 'triage_text',
    title: 'Triage a user message',
    description:
      'Classifies a user message as the ticket queue would (category, severity, priority, chains, tx hashes, addresses, tokens, security flags, KB suggestions) without creating a ticket. Secrets in the text are redacted; the answer carries only the redacted text.',
    input: {
      text: z.string().min(1).max(20_000).describe('The user’s message.'),
      subject: z.string().max(2000).optional(),
      locale: z.string().max(35).optional(),
      platform: z.string().max(64).optional(),
      appVersion: z.string().max(64).optional(),
    },
    async run(args) {
      const service = await tickets();
      return service.triager.triage({ text: args.text, ...(args.subject ? { subject: args.subject } : {}), ...(args.locale ? { locale: args.locale } : {}), ...(args.platform ? { platform: args.platform } : {}), ...(args.appVersion ? { appVersion: args.appVersion } : {}) });
    },
  };
  return [triage as unknown as ToolSpec];
}
