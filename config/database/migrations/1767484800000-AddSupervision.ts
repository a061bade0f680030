import { MigrationInterface, QueryRunner, Table, TableForeignKeyOptions } from 'typeorm';
import { id, int, longText, str, timestamp } from './schema-helpers';

const fk = (name: string, column: string, table: string, onDelete?: string): TableForeignKeyOptions => ({
  name,
  columnNames: [column],
  referencedTableName: table,
  referencedColumnNames: ['id'],
  ...(onDelete ? { onDelete } : {}),
});

/**
 * Warnings, supervision cases with their links and timeline, interviews, circulars, the per-office document
 * counters, and the office's calendar corrections. Obligation ids carry no foreign key: that table belongs to the
 * reporting migration and may be reshaped independently.
 */
export class AddSupervision1767484800000 implements MigrationInterface {
  name = 'AddSupervision1767484800000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'warning',
        columns: [
          id(),
          str('kind', 20),
          int('unit_id'),
          int('plan_id'),
          int('task_id', true),
          int('obligation_id', true),
          { name: 'reason', type: 'text' },
          str('dedup_key', 200),
          timestamp('issued_at'),
          str('issued_by', 100),
        ],
        indices: [
          { name: 'uq_warning_dedup', columnNames: ['dedup_key'], isUnique: true },
          { name: 'ix_warning_unit', columnNames: ['unit_id', 'issued_at'] },
          { name: 'ix_warning_plan', columnNames: ['plan_id', 'kind'] },
        ],
        foreignKeys: [
          fk('fk_warning_unit', 'unit_id', 'unit'),
          fk('fk_warning_plan', 'plan_id', 'plan'),
          fk('fk_warning_task', 'task_id', 'task'),
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'document_counter',
        columns: [
          { ...int('government_id'), isPrimary: true },
          { ...str('kind', 30), isPrimary: true },
          { ...int('year'), isPrimary: true },
          int('last_number'),
        ],
        foreignKeys: [fk('fk_document_counter_government', 'government_id', 'unit')],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'supervision_case',
        columns: [
          id(),
          int('government_id'),
          int('year'),
          int('number'),
          int('unit_id'),
          int('plan_id', true),
          { name: 'reason', type: 'text' },
          str('status', 20),
          timestamp('rectification_due_at'),
          timestamp('opened_at'),
          str('opened_by', 100),
          str('dedup_key', 200, true),
          timestamp('acknowledged_at', true),
          int('acknowledged_by', true),
          timestamp('closed_at', true),
          int('closed_by', true),
          timestamp('updated_at'),
        ],
        indices: [
          { name: 'uq_supervision_case_number', columnNames: ['government_id', 'year', 'number'], isUnique: true },
          { name: 'uq_supervision_case_dedup', columnNames: ['dedup_key'], isUnique: true },
          { name: 'ix_supervision_case_unit', columnNames: ['unit_id', 'status'] },
        ],
        foreignKeys: [
          fk('fk_supervision_case_government', 'government_id', 'unit'),
          fk('fk_supervision_case_unit', 'unit_id', 'unit'),
          fk('fk_supervision_case_plan', 'plan_id', 'plan'),
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'supervision_case_link',
        columns: [id(), int('case_id'), str('kind', 20), int('ref_id')],
        indices: [{ name: 'uq_supervision_case_link', columnNames: ['case_id', 'kind', 'ref_id'], isUnique: true }],
        foreignKeys: [fk('fk_supervision_case_link_case', 'case_id', 'supervision_case', 'CASCADE')],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'interview',
        columns: [
          id(),
          int('government_id'),
          int('unit_id'),
          int('case_id', true),
          { name: 'reason', type: 'text' },
          str('principal_head', 100),
          timestamp('starts_at'),
          timestamp('ends_at'),
          str('place', 200),
          { name: 'attendees', type: 'text' },
          timestamp('follow_up_due_at'),
          str('status', 20),
          longText(runner, 'minutes'),
          str('scheduled_by', 100),
          str('dedup_key', 200, true),
          timestamp('created_at'),
          timestamp('updated_at'),
        ],
        indices: [
          { name: 'uq_interview_dedup', columnNames: ['dedup_key'], isUnique: true },
          { name: 'ix_interview_unit', columnNames: ['unit_id', 'status'] },
          { name: 'ix_interview_case', columnNames: ['case_id'] },
        ],
        foreignKeys: [
          fk('fk_interview_government', 'government_id', 'unit'),
          fk('fk_interview_unit', 'unit_id', 'unit'),
          fk('fk_interview_case', 'case_id', 'supervision_case'),
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'supervision_event',
        columns: [
          id(),
          str('subject', 20),
          int('subject_id'),
          str('action', 40),
          str('from_status', 20, true),
          str('to_status', 20),
          longText(runner, 'text'),
          { name: 'attachments', type: 'text', isNullable: true },
          str('actor', 100),
          int('user_id', true),
          timestamp('at'),
        ],
        indices: [{ name: 'ix_supervision_event_subject', columnNames: ['subject', 'subject_id', 'id'] }],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'circular',
        columns: [
          id(),
          int('government_id'),
          int('year'),
          int('number'),
          str('period', 7),
          longText(runner, 'body', false),
          timestamp('published_at'),
          str('published_by', 100),
        ],
        indices: [
          { name: 'uq_circular_period', columnNames: ['government_id', 'period'], isUnique: true },
          { name: 'uq_circular_number', columnNames: ['government_id', 'year', 'number'], isUnique: true },
        ],
        foreignKeys: [fk('fk_circular_government', 'government_id', 'unit')],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'calendar_correction',
        columns: [
          id(),
          str('date', 10),
          str('kind', 10),
          str('note', 200),
          str('created_by', 100),
          timestamp('created_at'),
        ],
        indices: [{ name: 'uq_calendar_correction_date', columnNames: ['date'], isUnique: true }],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'calendar_notice_year',
        columns: [
          { ...int('year'), isPrimary: true },
          str('note', 200),
          str('created_by', 100),
          timestamp('created_at'),
        ],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      'calendar_notice_year',
      'calendar_correction',
      'circular',
      'supervision_event',
      'interview',
      'supervision_case_link',
      'supervision_case',
      'document_counter',
      'warning',
    ]) {
      await runner.dropTable(table);
    }
  }
}
