import { createHash } from 'node:crypto';
import { domainToASCII } from 'node:url';
import type { EmailAttachment } from './outbox-email.entity';

/** One message as the dispatcher hands it to a mailer. */
export interface OutgoingEmail {
  /** The outbox dedup key; the Message-ID is derived from it (see `messageIdFor`). */
  dedupKey: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments: EmailAttachment[];
  /** The Date header (from the injected clock). */
  date: Date;
}

export interface SentEmail {
  messageId: string;
}

/**
 * A delivery failure, already classified by the adapter. `permanent`: the server refused this message for good
 * (a 5xx for the recipient or the content); retrying the same message would get the same answer. Everything else
 * (connection refused, timeouts, 4xx, bad credentials) is temporary: the outbox keeps the mail.
 */
export class EmailSendError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
    readonly responseCode: number | null = null,
  ) {
    super(message);
    this.name = 'EmailSendError';
  }
}

/** The side effect "deliver one email", behind an adapter: SMTP in production, .eml files without SMTP_URL. */
export abstract class Mailer {
  /** Delivers one message or throws `EmailSendError`. */
  abstract send(mail: OutgoingEmail): Promise<SentEmail>;

  /** Human-readable description for logs (never includes credentials). */
  abstract describe(): string;
}

/**
 * `<{first 32 hex of sha256(dedupKey)}@{domain of MAIL_FROM}>`. Deterministic on purpose: if the process dies
 * between the SMTP server's "250 OK" and the outbox row being marked sent, the row is sent again after its lease
 * expires, with the same Message-ID, so mail clients and archives that deduplicate by Message-ID can show it once.
 */
export function messageIdFor(dedupKey: string, mailFrom: string): string {
  const hash = createHash('sha256').update(dedupKey, 'utf8').digest('hex').slice(0, 32);
  return `<${hash}@${mailDomain(mailFrom)}>`;
}

/** Domain of `Name <user@domain>` or `user@domain`, in ASCII (punycode) as a Message-ID requires. */
export function mailDomain(mailFrom: string): string {
  const match = /@([^\s<>@"]+)>?\s*$/.exec(mailFrom.trim());
  const domain = match ? domainToASCII(match[1].toLowerCase()) : '';
  return domain || 'localhost';
}
