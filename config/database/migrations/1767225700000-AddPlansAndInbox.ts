import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { bool, id, int, longText, str, timestamp } from './schema-helpers';

export class AddPlansAndInbox1767225700000 implements MigrationInterface {
  name = 'AddPlansAndInbox1767225700000';

  async up(runner: QueryRunner): Promise<void> {
    const double = runner.connection.options.type === 'mysql' ? 'double' : 'real';
    await runner.createTable(
      new Table({
        name: 'plan',
        columns: [
          id(),
          str('title', 200),
          int('government_id'),
          int('issuing_unit_id'),
          int('year_start', true),
          int('year_end', true),
          str('status', 20),
          longText(runner, 'source_text'),
          str('source_filename', 255, true),
          str('source_form', 20, true),
          { name: 'reporting', type: 'text' },
          longText(runner, 'import_notes'),
          str('created_by', 100),
          timestamp('created_at'),
          timestamp('updated_at'),
          timestamp('published_at', true),
        ],
        indices: [{ name: 'ix_plan_government', columnNames: ['government_id', 'status'] }],
        foreignKeys: [
          {
            name: 'fk_plan_government',
            columnNames: ['government_id'],
            referencedTableName: 'unit',
            referencedColumnNames: ['id'],
          },
          {
            name: 'fk_plan_issuing_unit',
            columnNames: ['issuing_unit_id'],
            referencedTableName: 'unit',
            referencedColumnNames: ['id'],
          },
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'task',
        columns: [
          id(),
          int('plan_id'),
          str('ref', 100),
          int('position'),
          str('title', 500),
          longText(runner, 'text', false),
          bool('local_responsibility', false),
          str('status', 20),
          str('reporting_cycle', 20),
          int('source_line', true),
          timestamp('created_at'),
          timestamp('updated_at'),
        ],
        indices: [{ name: 'ix_task_plan', columnNames: ['plan_id', 'position'] }],
        foreignKeys: [
          {
            name: 'fk_task_plan',
            columnNames: ['plan_id'],
            referencedTableName: 'plan',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'task_unit',
        columns: [
          id(),
          int('task_id'),
          int('plan_id'),
          str('role', 20),
          str('raw_name', 200),
          int('unit_id', true),
          int('position'),
        ],
        indices: [
          { name: 'ix_task_unit_task', columnNames: ['task_id'] },
          { name: 'ix_task_unit_plan_raw', columnNames: ['plan_id', 'raw_name'] },
        ],
        foreignKeys: [
          {
            name: 'fk_task_unit_task',
            columnNames: ['task_id'],
            referencedTableName: 'task',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
          {
            name: 'fk_task_unit_unit',
            columnNames: ['unit_id'],
            referencedTableName: 'unit',
            referencedColumnNames: ['id'],
          },
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'task_deadline',
        columns: [
          id(),
          int('task_id'),
          str('raw', 200),
          str('date', 10, true),
          str('kind', 20),
          str('every', 20, true),
          int('position'),
        ],
        indices: [{ name: 'ix_task_deadline_task', columnNames: ['task_id'] }],
        foreignKeys: [
          {
            name: 'fk_task_deadline_task',
            columnNames: ['task_id'],
            referencedTableName: 'task',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'plan_indicator',
        columns: [
          id(),
          int('plan_id'),
          int('task_id', true),
          str('name', 200),
          str('comparator', 2),
          { name: 'target', type: double },
          str('unit', 20),
          bool('approximate', false),
          { name: 'baseline', type: double, isNullable: true },
          str('target_date', 10, true),
          int('owner_unit_id', true),
          str('raw', 500),
        ],
        indices: [{ name: 'ix_plan_indicator_plan', columnNames: ['plan_id'] }],
        foreignKeys: [
          {
            name: 'fk_plan_indicator_plan',
            columnNames: ['plan_id'],
            referencedTableName: 'plan',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'assignment',
        columns: [
          id(),
          int('plan_id'),
          int('task_id'),
          int('unit_id'),
          str('role', 20),
          str('status', 20),
          timestamp('acknowledge_due_at'),
          timestamp('acknowledged_at', true),
          int('acknowledged_by', true),
          timestamp('created_at'),
        ],
        indices: [
          { name: 'uq_assignment_task_unit', columnNames: ['task_id', 'unit_id'], isUnique: true },
          { name: 'ix_assignment_unit', columnNames: ['unit_id', 'status'] },
          { name: 'ix_assignment_plan', columnNames: ['plan_id', 'status'] },
        ],
        foreignKeys: [
          {
            name: 'fk_assignment_task',
            columnNames: ['task_id'],
            referencedTableName: 'task',
            referencedColumnNames: ['id'],
          },
          {
            name: 'fk_assignment_unit',
            columnNames: ['unit_id'],
            referencedTableName: 'unit',
            referencedColumnNames: ['id'],
          },
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'inbox_message',
        columns: [
          id(),
          int('user_id'),
          str('kind', 40),
          str('title', 200),
          { name: 'body', type: 'text' },
          str('link', 300, true),
          str('dedup_key', 200),
          timestamp('created_at'),
          timestamp('read_at', true),
        ],
        indices: [
          { name: 'uq_inbox_dedup', columnNames: ['dedup_key'], isUnique: true },
          { name: 'ix_inbox_user', columnNames: ['user_id', 'id'] },
        ],
        foreignKeys: [
          {
            name: 'fk_inbox_user',
            columnNames: ['user_id'],
            referencedTableName: 'app_user',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      'inbox_message',
      'assignment',
      'plan_indicator',
      'task_deadline',
      'task_unit',
      'task',
      'plan',
    ]) {
      await runner.dropTable(table);
    }
  }
}
