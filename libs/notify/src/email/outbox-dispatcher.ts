import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock, UnitOfWork } from '@app/core';
import { EmailSendError, Mailer } from './mailer';
import { EmailAttachment, OutboxEmail } from './outbox-email.entity';

export interface DispatchResult {
  sent: number;
  /** Refused for good (5xx for the recipient or the content): status `failed`, never retried. */
  failed: number;
  /** Temporary failure (server down, 4xx): back to `pending` with a later `next_attempt_at`. */
  retried: number;
}

/** How long a claim holds a row. Longer than a whole batch of SMTP attempts with the mailer's timeouts. */
export const OUTBOX_LEASE_MS = 10 * 60_000;
const FIRST_RETRY_MS = 60_000;
const MAX_RETRY_MS = 60 * 60_000;

/** Delay after the n-th failed attempt: 1 min, 2, 4, … capped at 1 h. A temporary failure is retried forever. */
export function retryDelayMs(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), MAX_RETRY_MS);
}

type Claimed = Pick<
  OutboxEmail,
  'id' | 'dedupKey' | 'to' | 'subject' | 'text' | 'html' | 'attachments' | 'attempts'
> & {
  leaseUntil: Date;
};

/**
 * Delivers due outbox rows.
 *
 * 1. Claim, in a short transaction: rows `pending` and due, or `sending` whose lease expired (a dispatcher died
 *    mid-batch). They become `sending` with a lease, and `attempts` grows by one; on MySQL the rows are read with
 *    `FOR UPDATE SKIP LOCKED`, so several API instances share the work without waiting on each other.
 * 2. Send each one outside any transaction (SMTP can take seconds; no locks are held meanwhile).
 * 3. Record the outcome: `sent`, or `pending` again with exponential backoff, or `failed`. The update is fenced by
 *    `attempts`, so a dispatcher whose lease was taken over cannot overwrite the new owner's state.
 *
 * At-least-once window: if the process dies after the server accepted a message and before step 3 commits, the row
 * stays `sending`, its lease expires and the message is sent again, with the same Message-ID (see `messageIdFor`).
 * No protocol closes that window; the deterministic Message-ID lets receivers recognise the duplicate.
 */
@Injectable()
export class OutboxDispatcher {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
    private readonly mailer: Mailer,
  ) {}

  async dispatchDue(limit = 50): Promise<DispatchResult> {
    const result: DispatchResult = { sent: 0, failed: 0, retried: 0 };
    for (const row of await this.claim(limit)) {
      if (this.clock.now() >= row.leaseUntil) {
        // Earlier rows of the batch were slow: this claim has lapsed and another dispatcher may own the row now.
        continue;
      }
      let messageId: string;
      try {
        ({ messageId } = await this.mailer.send({
          dedupKey: row.dedupKey,
          to: row.to,
          subject: row.subject,
          text: row.text,
          html: row.html,
          attachments: JSON.parse(row.attachments) as EmailAttachment[],
          date: this.clock.now(),
        }));
      } catch (error) {
        const permanent = error instanceof EmailSendError && error.permanent;
        await this.recordFailure(row, permanent, error);
        result[permanent ? 'failed' : 'retried']++;
        continue;
      }
      await this.recordSent(row, messageId);
      result.sent++;
    }
    return result;
  }

  private claim(limit: number): Promise<Claimed[]> {
    return this.unitOfWork.run(async (manager) => {
      const now = this.clock.now();
      // Two index-friendly queries rather than one OR: both are range scans of (status, next_attempt_at).
      const expired = await this.selectForClaim(manager, limit, 'sending', 'o.lease_until <= :now', now);
      const due =
        expired.length < limit
          ? await this.selectForClaim(manager, limit - expired.length, 'pending', 'o.next_attempt_at <= :now', now)
          : [];
      const rows = [...expired, ...due];
      if (rows.length === 0) {
        return [];
      }
      const leaseUntil = new Date(now.getTime() + OUTBOX_LEASE_MS);
      await manager
        .createQueryBuilder()
        .update(OutboxEmail)
        .set({ status: 'sending', leaseUntil, attempts: () => 'attempts + 1' })
        .whereInIds(rows.map((row) => row.id))
        .execute();
      return rows.map((row) => ({ ...row, attempts: row.attempts + 1, leaseUntil }));
    });
  }

  private selectForClaim(
    manager: EntityManager,
    limit: number,
    status: 'pending' | 'sending',
    due: string,
    now: Date,
  ): Promise<OutboxEmail[]> {
    const query = manager
      .getRepository(OutboxEmail)
      .createQueryBuilder('o')
      .where('o.status = :status', { status })
      .andWhere(due, { now })
      .orderBy('o.next_attempt_at', 'ASC')
      .addOrderBy('o.id', 'ASC')
      .limit(limit);
    if (manager.connection.options.type === 'mysql') {
      query.setLock('pessimistic_write').setOnLocked('skip_locked');
    }
    return query.getMany();
  }

  private recordSent(row: Claimed, messageId: string): Promise<void> {
    const now = this.clock.now();
    // Not fenced: the server accepted the message, that is the truth whoever holds the lease now.
    return this.unitOfWork.run(async (manager) => {
      await manager
        .createQueryBuilder()
        .update(OutboxEmail)
        .set({ status: 'sent', sentAt: now, messageId, leaseUntil: null, lastError: null })
        .where('id = :id AND status <> :sent', { id: row.id, sent: 'sent' })
        .execute();
    });
  }

  private recordFailure(row: Claimed, permanent: boolean, error: unknown): Promise<void> {
    const now = this.clock.now();
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
    return this.unitOfWork.run(async (manager) => {
      await manager
        .createQueryBuilder()
        .update(OutboxEmail)
        .set(
          permanent
            ? { status: 'failed', leaseUntil: null, lastError: message }
            : {
                status: 'pending',
                leaseUntil: null,
                lastError: message,
                nextAttemptAt: new Date(now.getTime() + retryDelayMs(row.attempts)),
              },
        )
        .where('id = :id AND status = :sending AND attempts = :attempts', {
          id: row.id,
          sending: 'sending',
          attempts: row.attempts,
        })
        .execute();
    });
  }
}
