import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { id, int, str, timestamp } from './schema-helpers';

export class AddWorkflowTimers1767571200000 implements MigrationInterface {
  name = 'AddWorkflowTimers1767571200000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'workflow_timer',
        columns: [
          id(),
          str('subject_type', 40),
          str('subject_id', 64),
          timestamp('due_at'),
          str('status', 20),
          { ...int('attempts'), default: 0 },
          timestamp('claimed_until', true),
          { name: 'last_error', type: 'text', isNullable: true },
          timestamp('created_at'),
          timestamp('updated_at'),
        ],
        indices: [
          { name: 'uq_workflow_timer_subject', columnNames: ['subject_type', 'subject_id'], isUnique: true },
          { name: 'ix_workflow_timer_due', columnNames: ['status', 'due_at'] },
        ],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('workflow_timer');
  }
}
