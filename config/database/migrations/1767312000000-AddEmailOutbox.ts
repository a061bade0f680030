import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { id, int, longText, str, timestamp } from './schema-helpers';

/** The email outbox: mails written in the business transaction, delivered by the dispatcher (libs/notify). */
export class AddEmailOutbox1767312000000 implements MigrationInterface {
  name = 'AddEmailOutbox1767312000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'email_outbox',
        columns: [
          id(),
          str('dedup_key', 255),
          str('to_address', 320),
          str('subject', 500),
          longText(runner, 'text', false),
          longText(runner, 'html', false),
          longText(runner, 'attachments', false),
          str('status', 10),
          int('attempts'),
          timestamp('next_attempt_at'),
          timestamp('lease_until', true),
          str('last_error', 1000, true),
          str('message_id', 255, true),
          timestamp('created_at'),
          timestamp('sent_at', true),
        ],
        indices: [
          { name: 'uq_email_outbox_dedup', columnNames: ['dedup_key'], isUnique: true },
          { name: 'ix_email_outbox_due', columnNames: ['status', 'next_attempt_at'] },
        ],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('email_outbox');
  }
}
