import { MigrationInterface, QueryRunner, Table, TableForeignKeyOptions } from 'typeorm';
import { bool, id, int, longText, str, timestamp } from './schema-helpers';

const fk = (name: string, column: string, table: string, onDelete?: 'CASCADE'): TableForeignKeyOptions => ({
  name,
  columnNames: [column],
  referencedTableName: table,
  referencedColumnNames: ['id'],
  ...(onDelete ? { onDelete } : {}),
});

/** Monthly reporting: obligations (报送义务), their submitted versions, reviews, and the plan's reporting rule. */
export class AddReporting1767398400000 implements MigrationInterface {
  name = 'AddReporting1767398400000';

  async up(runner: QueryRunner): Promise<void> {
    const double = runner.connection.options.type === 'mysql' ? 'double' : 'real';
    await runner.createTable(
      new Table({
        name: 'reporting_setting',
        columns: [
          { name: 'plan_id', type: 'integer', isPrimary: true },
          int('lead_due_day'),
          int('participant_due_day'),
          int('return_working_days'),
          str('updated_by', 100),
          timestamp('updated_at'),
        ],
        foreignKeys: [fk('fk_reporting_setting_plan', 'plan_id', 'plan', 'CASCADE')],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'reporting_obligation',
        columns: [
          id(),
          int('plan_id'),
          int('task_id'),
          int('unit_id'),
          str('role', 20),
          str('period', 7),
          str('period_start', 10),
          timestamp('due_at'),
          str('status', 20),
          { name: 'round', type: 'integer', default: 0 },
          int('current_submission_id', true),
          timestamp('submitted_at', true),
          bool('late', false),
          timestamp('returned_at', true),
          timestamp('accepted_at', true),
          int('reviewed_by', true),
          timestamp('created_at'),
          timestamp('updated_at'),
        ],
        indices: [
          {
            name: 'uq_reporting_obligation_task_unit_period',
            columnNames: ['task_id', 'unit_id', 'period'],
            isUnique: true,
          },
          { name: 'ix_reporting_obligation_unit', columnNames: ['unit_id', 'status'] },
          { name: 'ix_reporting_obligation_plan_period', columnNames: ['plan_id', 'period', 'status'] },
          { name: 'ix_reporting_obligation_status_due', columnNames: ['status', 'due_at'] },
        ],
        foreignKeys: [
          fk('fk_reporting_obligation_plan', 'plan_id', 'plan'),
          fk('fk_reporting_obligation_task', 'task_id', 'task'),
          fk('fk_reporting_obligation_unit', 'unit_id', 'unit'),
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'reporting_submission',
        columns: [
          id(),
          int('obligation_id'),
          int('round'),
          str('kind', 20),
          longText(runner, 'progress_text'),
          int('percent_complete', true),
          bool('declares_complete', false),
          int('submitted_by'),
          timestamp('submitted_at'),
          bool('late', false),
          str('status', 20),
        ],
        indices: [{ name: 'uq_reporting_submission_round', columnNames: ['obligation_id', 'round'], isUnique: true }],
        foreignKeys: [
          fk('fk_reporting_submission_obligation', 'obligation_id', 'reporting_obligation'),
          fk('fk_reporting_submission_user', 'submitted_by', 'app_user'),
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'reporting_indicator_value',
        columns: [id(), int('submission_id'), int('indicator_id'), { name: 'value', type: double }],
        indices: [
          { name: 'uq_reporting_indicator_value', columnNames: ['submission_id', 'indicator_id'], isUnique: true },
          { name: 'ix_reporting_indicator_value_indicator', columnNames: ['indicator_id'] },
        ],
        foreignKeys: [
          fk('fk_reporting_indicator_value_submission', 'submission_id', 'reporting_submission', 'CASCADE'),
          fk('fk_reporting_indicator_value_indicator', 'indicator_id', 'plan_indicator'),
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'reporting_attachment',
        columns: [
          id(),
          int('submission_id'),
          str('original_name', 255),
          str('content_type', 100),
          int('size'),
          str('sha256', 64),
          str('storage_path', 300),
          timestamp('created_at'),
        ],
        indices: [
          { name: 'ix_reporting_attachment_submission', columnNames: ['submission_id'] },
          { name: 'ix_reporting_attachment_sha256', columnNames: ['sha256'] },
        ],
        foreignKeys: [fk('fk_reporting_attachment_submission', 'submission_id', 'reporting_submission', 'CASCADE')],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'reporting_review',
        columns: [
          id(),
          int('obligation_id'),
          int('submission_id', true),
          int('round'),
          str('decision', 20),
          int('rating', true),
          longText(runner, 'comment'),
          int('reviewer_id'),
          int('reviewer_unit_id'),
          timestamp('reviewed_at'),
          timestamp('new_due_at', true),
        ],
        indices: [{ name: 'ix_reporting_review_obligation', columnNames: ['obligation_id', 'id'] }],
        foreignKeys: [
          fk('fk_reporting_review_obligation', 'obligation_id', 'reporting_obligation'),
          fk('fk_reporting_review_submission', 'submission_id', 'reporting_submission'),
          fk('fk_reporting_review_reviewer', 'reviewer_id', 'app_user'),
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'reporting_idempotency_key',
        columns: [
          id(),
          int('user_id'),
          str('idem_key', 200),
          str('fingerprint', 64),
          int('obligation_id'),
          int('submission_id', true),
          longText(runner, 'response'),
          timestamp('created_at'),
        ],
        indices: [{ name: 'uq_reporting_idempotency_user_key', columnNames: ['user_id', 'idem_key'], isUnique: true }],
        foreignKeys: [
          fk('fk_reporting_idempotency_user', 'user_id', 'app_user', 'CASCADE'),
          fk('fk_reporting_idempotency_submission', 'submission_id', 'reporting_submission', 'CASCADE'),
        ],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      'reporting_idempotency_key',
      'reporting_review',
      'reporting_attachment',
      'reporting_indicator_value',
      'reporting_submission',
      'reporting_obligation',
      'reporting_setting',
    ]) {
      await runner.dropTable(table);
    }
  }
}
