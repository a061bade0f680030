import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock, DomainError } from '@app/core';
import { EmailAttachment, OutboxEmail } from './outbox-email.entity';

/** What a service asks to send. Build subject/text/html with the templates in `@app/notify`. */
export interface NewEmail {
  /** Business key of this mail, e.g. `notice:{obligationId}:{step}:{recipient}`: enqueuing it twice is a no-op. */
  dedupKey: string;
  /** One address, no display name. */
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments?: EmailAttachment[];
}

const ADDRESS = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$|^[^\s@<>()[\]\\,;:"]+@localhost$/;

/**
 * The email outbox (发件箱). Mail is written in the caller's transaction, together with the state change that
 * caused it, and delivered later by `OutboxDispatcher`: a rolled-back step sends nothing, a committed one is sent
 * even if the process dies right after the commit.
 */
@Injectable()
export class EmailOutbox {
  constructor(private readonly clock: Clock) {}

  /** Inserts the mail unless its dedup key exists. Returns whether it inserted. Throws DomainError on bad input. */
  async enqueue(manager: EntityManager, mail: NewEmail): Promise<boolean> {
    validate(mail);
    if (await manager.existsBy(OutboxEmail, { dedupKey: mail.dedupKey })) {
      return false;
    }
    const now = this.clock.now();
    try {
      await manager.insert(OutboxEmail, {
        dedupKey: mail.dedupKey,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        attachments: JSON.stringify(mail.attachments ?? []),
        status: 'pending',
        attempts: 0,
        nextAttemptAt: now,
        leaseUntil: null,
        lastError: null,
        messageId: null,
        createdAt: now,
        sentAt: null,
      });
      return true;
    } catch (error) {
      // Two transactions enqueued the same key concurrently (MySQL): the unique index decides, the loser is a
      // no-op. A failed INSERT aborts only that statement on both drivers, so the caller's transaction goes on.
      if (isDuplicateKey(error)) {
        return false;
      }
      throw error;
    }
  }
}

function validate(mail: NewEmail): void {
  if (!mail.dedupKey || mail.dedupKey.length > 255) {
    throw DomainError.invalid('dedupKey', '去重键不能为空，且不超过255个字符');
  }
  if (mail.to.length > 320 || !ADDRESS.test(mail.to)) {
    throw DomainError.invalid('to', '收件人须为一个有效的电子邮箱地址');
  }
  if (!mail.subject.trim() || mail.subject.length > 500) {
    throw DomainError.invalid('subject', '邮件主题不能为空，且不超过500个字符');
  }
  for (const attachment of mail.attachments ?? []) {
    if (!attachment.filename || /[\r\n/\\]/.test(attachment.filename)) {
      throw DomainError.invalid('attachments', `附件文件名无效：${attachment.filename}`);
    }
  }
}

function isDuplicateKey(error: unknown): boolean {
  const code = (error as { driverError?: { code?: string } }).driverError?.code;
  return code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}
