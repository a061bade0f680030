import type { SendMailOptions } from 'nodemailer';
import { messageIdFor, OutgoingEmail } from './mailer';

/** The nodemailer message both adapters send, so the SMTP mail and the .eml file are byte-for-byte the same shape. */
export function toNodemailerMessage(mail: OutgoingEmail, mailFrom: string): SendMailOptions {
  return {
    from: mailFrom,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    date: mail.date,
    messageId: messageIdFor(mail.dedupKey, mailFrom),
    // RFC 3834: keeps vacation responders from answering a system notice.
    headers: { 'Auto-Submitted': 'auto-generated' },
    attachments: mail.attachments.map((attachment) => ({
      filename: attachment.filename,
      contentType: attachment.contentType,
      content: Buffer.from(attachment.content, 'utf8'),
    })),
    // Content comes from the outbox only: never let a message read local files or fetch URLs.
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}
