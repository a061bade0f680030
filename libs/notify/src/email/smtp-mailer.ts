import { OnModuleDestroy } from '@nestjs/common';
import { createTransport } from 'nodemailer';
import type { NodemailerError, SMTPSentMessageInfo, Transporter } from 'nodemailer';
import { EmailSendError, Mailer, OutgoingEmail, SentEmail } from './mailer';
import { toNodemailerMessage } from './nodemailer-message';

/** Sends through the SMTP server of `SMTP_URL` (one connection per message: a few hundred mails a day at most). */
export class SmtpMailer extends Mailer implements OnModuleDestroy {
  private readonly transport: Transporter<SMTPSentMessageInfo>;
  private readonly endpoint: string;

  constructor(
    smtpUrl: string,
    private readonly mailFrom: string,
  ) {
    super();
    const url = new URL(smtpUrl);
    this.endpoint = `${url.protocol}//${url.hostname}:${url.port || (url.protocol === 'smtps:' ? 465 : 587)}`;
    // Short timeouts: a hung server must fail the attempt well inside the dispatcher's claim lease.
    this.transport = createTransport({
      url: smtpUrl,
      connectionTimeout: 20_000,
      greetingTimeout: 20_000,
      socketTimeout: 60_000,
      disableFileAccess: true,
      disableUrlAccess: true,
    });
  }

  async send(mail: OutgoingEmail): Promise<SentEmail> {
    try {
      const info = await this.transport.sendMail(toNodemailerMessage(mail, this.mailFrom));
      return { messageId: info.messageId };
    } catch (error) {
      throw classifySmtpError(error);
    }
  }

  describe(): string {
    return `SMTP ${this.endpoint}`;
  }

  onModuleDestroy(): void {
    this.transport.close();
  }
}

/**
 * Permanent only when the server refused this message: a 5xx to RCPT TO (unknown mailbox) or to the content
 * (552 too large, 554 rejected), or nodemailer refusing the recipient or the size before sending. A 5xx to MAIL FROM
 * or AUTH is our configuration, not the mail's fault, and 503 is a session-state error: those stay temporary, so
 * fixing SMTP_URL or MAIL_FROM delivers the backlog.
 */
export function classifySmtpError(error: unknown): EmailSendError {
  const e = (error ?? {}) as NodemailerError;
  const message = e.message || String(error);
  const responseCode = typeof e.responseCode === 'number' ? e.responseCode : null;
  const refusedRecipient = e.code === 'EENVELOPE' && e.command === 'RCPT TO' && e.permanent === true;
  const refusedContent = e.code === 'EMESSAGE' && (e.permanent === true || responseCode === null);
  const invalidRecipient = e.code === 'EENVELOPE' && e.command === 'API' && !/sender/i.test(message);
  return new EmailSendError(message, refusedRecipient || refusedContent || invalidRecipient, responseCode);
}
