import { z } from 'zod';
import { atLeast } from '../../auth/index.ts';
import { chainTransferChecker, explainPayments, getPaymentEvents, listPaymentsOfUser, normalizePaymentEvent, recordPaymentEvents, verifyWebhookSignature, WebhookSignatureInvalidError } from '../../payments/index.ts';
import type { HttpDeps } from '../deps.ts';
import { BadJsonError } from '../errors.ts';
import { readJson } from '../read-json.ts';
import { defineRoute, type RouteDef } from '../route.ts';
import { describeJsonError } from '../../core/index.ts';

const ExplainBody = z.object({ provider: z.string().min(1).max(64), payload: z.unknown(), locale: z.string().max(16).optional() });

function parseBody(text: string): unknown {
  if (!text.trim()) throw new BadJsonError('the body is empty');
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new BadJsonError(describeJsonError(err));
  }
}

/** Card and on-ramp payments: provider webhooks (HMAC-signed or with an API token), stored events and explanations. */
export function paymentsRoutes(deps: HttpDeps): RouteDef[] {
  const { db } = deps.store;
  const agent = { roles: atLeast('agent') } as const;
  const checkTransfer = chainTransferChecker(deps.chains);
  const ingest = async (provider: string, body: unknown) => recordPaymentEvents(db, normalizePaymentEvent(provider, body), deps.clock);
  return [
    defineRoute({
      method: 'POST',
      path: '/api/payments/webhooks/:provider',
      access: { public: true, reason: 'payment providers cannot hold an OpsDesk session; every request must carry a valid HMAC signature made with payments.webhookSecrets.<provider>, else 401' },
      csrfExempt: true,
      summary: 'Receive a provider webhook (generic, marqeta, stripe-issuing, moonpay, ramp, transak) signed with HMAC-SHA256; stores the normalised events (idempotent).',
      handler: async (c) => {
        const provider = c.req.param('provider') ?? '';
        const raw = await c.req.text();
        const secret = deps.config.payments.webhookSecrets[provider];
        if (!secret) throw new WebhookSignatureInvalidError(provider, 'no webhook secret is configured for this provider');
        const headers = Object.fromEntries(Object.entries(c.req.header()).map(([k, v]) => [k.toLowerCase(), v]));
        verifyWebhookSignature({ provider, headers, rawBody: raw, secret, nowSec: Math.floor(deps.clock.nowMs() / 1000), toleranceSec: deps.config.payments.signatureToleranceSec });
        return c.json(await ingest(provider, parseBody(raw)));
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/payments/events/:provider',
      access: agent,
      summary: 'Store a provider webhook body sent with an API token (role agent or above); same shapes as the signed webhook route.',
      handler: async (c) => c.json(await ingest(c.req.param('provider') ?? '', parseBody(await c.req.text()))),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/payments/explain',
      access: agent,
      summary: 'Explain a provider payload without storing it: { provider, payload, locale? }.',
      handler: async (c) => {
        const body = await readJson(c, ExplainBody);
        return c.json({ items: await explainPayments(normalizePaymentEvent(body.provider, body.payload), { checkTransfer, ...(body.locale ? { locale: body.locale } : {}) }) });
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/payments/:subjectId/explain',
      access: agent,
      summary: 'Explain the stored events of one card authorisation or on-ramp order (findings in ?locale=en|es|pt-BR).',
      handler: async (c) => {
        const events = await getPaymentEvents(db, c.req.param('subjectId') ?? '');
        const locale = c.req.query('locale');
        const [item] = await explainPayments(events, { checkTransfer, ...(locale ? { locale } : {}) });
        return c.json(item);
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/payments',
      access: agent,
      summary: 'Recent payments of a cardholder / customer reference (?userRef=).',
      handler: async (c) => c.json({ items: await listPaymentsOfUser(db, c.req.query('userRef') ?? '', Math.min(Number(c.req.query('limit') ?? 50) || 50, 200)) }),
    }),
  ];
}
