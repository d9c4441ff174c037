import nodemailer from 'nodemailer';
import type { Config } from '../core/index.ts';
import type { MailMessage, Mailer } from './deps.ts';

/** An SMTP mailer from the `notifications` config, or undefined when no SMTP host is set. */
export function createSmtpMailer(config: Config['notifications']): Mailer | undefined {
  if (!config.smtpHost) return undefined;
  const transport = nodemailer.createTransport({
    host: config.smtpHost,
    port: config.smtpPort,
    secure: config.smtpSecure,
    requireTLS: config.smtpRequireTls,
    ...(config.smtpUser ? { auth: { user: config.smtpUser, pass: config.smtpPassword ?? '' } } : {}),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return {
    async send(message: MailMessage) {
      await transport.sendMail({ from: config.from, to: message.to, subject: message.subject, text: message.text, ...(message.headers ? { headers: message.headers } : {}) });
    },
    close: () => transport.close(),
  };
}
