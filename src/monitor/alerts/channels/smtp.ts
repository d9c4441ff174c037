import nodemailer from 'nodemailer';
import type { Config } from '../../../core/index.ts';
import type { AlertMailer } from '../alert.ts';

/** An SMTP mailer for alert e-mails from the `notifications` SMTP settings, or undefined when no host is set. */
export function createAlertMailer(smtp: Config['notifications'], from: string): AlertMailer | undefined {
  if (!smtp.smtpHost) return undefined;
  const transport = nodemailer.createTransport({
    host: smtp.smtpHost,
    port: smtp.smtpPort,
    secure: smtp.smtpSecure,
    requireTLS: smtp.smtpRequireTls,
    ...(smtp.smtpUser ? { auth: { user: smtp.smtpUser, pass: smtp.smtpPassword ?? '' } } : {}),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return {
    async send(mail) {
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
    },
    close: () => transport.close(),
  };
}
