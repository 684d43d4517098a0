import 'server-only';
import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';

/** One message through the SMTP server at `smtpUrl` (smtp:// or smtps://, credentials in the URL). Throws on failure. */
export async function sendSmtp(
  smtpUrl: string,
  message: { from: string; to: string; subject: string; text: string; html: string },
): Promise<void> {
  // Short timeouts: a send runs after the response or in the `emails` job, and a hung server must not pile them up.
  const options: SMTPTransport.Options = {
    url: smtpUrl,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  };
  const transport = nodemailer.createTransport(options);
  try {
    await transport.sendMail(message);
  } finally {
    transport.close();
  }
}
