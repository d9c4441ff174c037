/** What an `Authorization` header carries: an API token, a malformed credential (with why), or nothing for us. */
export type TokenCredential = { scheme: 'bearer' | 'basic'; token: string } | { scheme: 'basic'; problem: string } | undefined;

const basicHint = 'Put the API token in the password of the webhook URL (https://opsdesk:TOKEN@host/…); the user name is ignored.';

/**
 * Reads an API token from `Authorization: Bearer <token>` or `Authorization: Basic base64(user:token)`
 * (for webhook senders such as Postmark, Mailgun and SendGrid that can only put credentials in the URL).
 */
export function readTokenCredential(header: string | undefined): TokenCredential {
  if (!header) return undefined;
  const bearer = header.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (bearer) return { scheme: 'bearer', token: bearer };
  const basic = header.match(/^Basic(?:\s+(.*))?$/i);
  if (!basic) return undefined;
  const encoded = (basic[1] ?? '').trim();
  if (!encoded || !/^[A-Za-z0-9+/]+={0,2}$/.test(encoded) || encoded.length % 4 !== 0) {
    return { scheme: 'basic', problem: `The Basic credentials are not valid base64. ${basicHint}` };
  }
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return { scheme: 'basic', problem: `The Basic credentials have no password (no ":" after the user name). ${basicHint}` };
  const token = decoded.slice(colon + 1);
  if (!token || /\s/.test(token)) return { scheme: 'basic', problem: `The Basic credentials have an empty or malformed password. ${basicHint}` };
  return { scheme: 'basic', token };
}
