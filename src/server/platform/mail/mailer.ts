import nodemailer from 'nodemailer';
import type { Logger } from 'pino';
import type { Config } from '../config';

export type Mail = { to: string; subject: string; text: string };
export type Mailer = { send(mail: Mail): Promise<void> };

/** SMTP when configured; otherwise the message goes to the log so a local install can still follow links. */
export function createMailer(config: Config, log: Logger): Mailer {
  if (!config.smtp) {
    return {
      async send(mail) {
        log.info({ to: mail.to, subject: mail.subject }, `Email (SMTP not configured):\n${mail.text}`);
      },
    };
  }
  const transport = nodemailer.createTransport({
    host: config.smtp.host,
    port: config.smtp.port,
    secure: config.smtp.port === 465,
    auth: config.smtp.user ? { user: config.smtp.user, pass: config.smtp.password ?? '' } : undefined,
  });
  return {
    async send(mail) {
      await transport.sendMail({ from: config.mailFrom, ...mail });
    },
  };
}
