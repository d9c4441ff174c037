import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface Receivers {
  /** Every body POSTed to the webhook receiver (parsed JSON, or {} when it is not JSON; `raw` as sent), with its path and headers, in arrival order. */
  hooks: Array<{ path: string; body: Record<string, unknown>; raw: string; headers: IncomingHttpHeaders }>;
  /** Every mail the SMTP receiver accepted, parsed. */
  mails: ParsedMail[];
  /** Base URL of the webhook receiver; `/broken` answers 500, any other path 200. */
  url: string;
  smtpPort: number;
  /** `notifications` settings that send mail to the SMTP receiver (plain, no TLS). */
  smtp: { smtpHost: string; smtpPort: number; smtpSecure: false; smtpRequireTls: false; from: string };
  stop(): Promise<void>;
}

/** A local webhook receiver and a local SMTP server (no TLS, no auth) on 127.0.0.1, both on free ports. */
export async function startReceivers(): Promise<Receivers> {
  const hooks: Receivers['hooks'] = [];
  const mails: ParsedMail[] = [];
  const http: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(raw) as Record<string, unknown>;
      } catch {
        // not JSON: tests read `raw`
      }
      hooks.push({ path: req.url ?? '', body, raw, headers: req.headers });
      res.writeHead(req.url === '/broken' ? 500 : 200).end('ok');
    });
  });
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', () => r()));
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, done) {
      simpleParser(stream).then((m) => {
        mails.push(m);
        done();
      }, done);
    },
  });
  try {
    await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', () => r()));
  } catch (err) {
    await new Promise<void>((r) => http.close(() => r()));
    throw err;
  }
  const smtpPort = (smtp.server.address() as AddressInfo).port;
  return {
    hooks,
    mails,
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
    smtpPort,
    smtp: { smtpHost: '127.0.0.1', smtpPort, smtpSecure: false, smtpRequireTls: false, from: 'x@opsdesk.test' },
    async stop() {
      await new Promise<void>((r) => smtp.close(() => r()));
      http.closeAllConnections();
      await new Promise<void>((r) => http.close(() => r()));
    },
  };
}
