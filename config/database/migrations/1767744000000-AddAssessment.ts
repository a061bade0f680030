import { MigrationInterface, QueryRunner, Table, TableColumnOptions, TableForeignKeyOptions } from 'typeorm';
import { bool, id, int, longText, str, timestamp } from './schema-helpers';

const fk = (name: string, column: string, table: string, onDelete?: string): TableForeignKeyOptions => ({
  name,
  columnNames: [column],
  referencedTableName: table,
  referencedColumnNames: ['id'],
  ...(onDelete ? { onDelete } : {}),
});

/**
 * The year-end assessment (考核): versioned scoring schemes, runs, per-unit results (versioned after publication),
 * adjustments, appeals (申诉) and innovation bonuses (先行先试). Traces are long JSON: a unit's late reports are listed.
 */
export class AddAssessment1767744000000 implements MigrationInterface {
  name = 'AddAssessment1767744000000';

  async up(runner: QueryRunner): Promise<void> {
    const double = runner.connection.options.type === 'mysql' ? 'double' : 'real';
    const points = (name: string, nullable = false): TableColumnOptions => ({
      name,
      type: double,
      isNullable: nullable,
    });
    await runner.createTable(
      new Table({
        name: 'assessment_scheme',
        columns: [
          id(),
          int('plan_id'),
          int('year'),
          int('version'),
          longText(runner, 'config', false),
          str('created_by', 100),
          timestamp('created_at'),
        ],
        indices: [
          { name: 'uq_assessment_scheme_version', columnNames: ['plan_id', 'year', 'version'], isUnique: true },
        ],
        foreignKeys: [fk('fk_assessment_scheme_plan', 'plan_id', 'plan', 'CASCADE')],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'assessment_run',
        columns: [
          id(),
          int('plan_id'),
          int('year'),
          str('status', 20),
          int('scheme_id', true),
          int('scheme_version', true),
          { name: 'revision', type: 'integer', default: 0 },
          timestamp('computed_at', true),
          timestamp('released_at', true),
          timestamp('appeal_deadline', true),
          timestamp('published_at', true),
          str('started_by', 100),
          timestamp('created_at'),
          timestamp('updated_at'),
        ],
        indices: [{ name: 'uq_assessment_run_plan_year', columnNames: ['plan_id', 'year'], isUnique: true }],
        foreignKeys: [
          fk('fk_assessment_run_plan', 'plan_id', 'plan', 'CASCADE'),
          fk('fk_assessment_run_scheme', 'scheme_id', 'assessment_scheme'),
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'assessment_result',
        columns: [
          id(),
          int('run_id'),
          int('unit_id'),
          int('version'),
          bool('is_current', true),
          str('rank_group', 20),
          bool('scored', false),
          str('note', 200, true),
          points('timeliness', true),
          points('completion', true),
          points('review_quality', true),
          points('indicators', true),
          points('deductions', true),
          points('bonus', true),
          points('adjustments', true),
          points('floor', true),
          points('total', true),
          str('grade', 20, true),
          longText(runner, 'trace', false),
          int('scheme_version'),
          timestamp('computed_at'),
          timestamp('updated_at'),
          timestamp('superseded_at', true),
        ],
        indices: [
          { name: 'uq_assessment_result_version', columnNames: ['run_id', 'unit_id', 'version'], isUnique: true },
          { name: 'ix_assessment_result_current', columnNames: ['run_id', 'is_current'] },
          { name: 'ix_assessment_result_unit', columnNames: ['unit_id', 'is_current'] },
        ],
        foreignKeys: [
          fk('fk_assessment_result_run', 'run_id', 'assessment_run', 'CASCADE'),
          fk('fk_assessment_result_unit', 'unit_id', 'unit'),
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'assessment_appeal',
        columns: [
          id(),
          int('run_id'),
          int('unit_id'),
          int('result_id'),
          longText(runner, 'text', false),
          { name: 'attachments', type: 'text' },
          str('status', 20),
          int('filed_by'),
          timestamp('filed_at'),
          longText(runner, 'decision_reason'),
          int('decided_by', true),
          timestamp('decided_at', true),
          int('adjustment_id', true),
        ],
        indices: [
          { name: 'ix_assessment_appeal_run', columnNames: ['run_id', 'status'] },
          { name: 'ix_assessment_appeal_unit', columnNames: ['unit_id', 'run_id'] },
        ],
        foreignKeys: [
          fk('fk_assessment_appeal_run', 'run_id', 'assessment_run', 'CASCADE'),
          fk('fk_assessment_appeal_unit', 'unit_id', 'unit'),
          fk('fk_assessment_appeal_filed_by', 'filed_by', 'app_user'),
          fk('fk_assessment_appeal_decided_by', 'decided_by', 'app_user'),
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'assessment_adjustment',
        columns: [
          id(),
          int('run_id'),
          int('unit_id'),
          str('kind', 20),
          points('points'),
          longText(runner, 'reason', false),
          int('appeal_id', true),
          int('result_version'),
          int('created_by'),
          timestamp('created_at'),
        ],
        indices: [{ name: 'ix_assessment_adjustment_run_unit', columnNames: ['run_id', 'unit_id'] }],
        foreignKeys: [
          fk('fk_assessment_adjustment_run', 'run_id', 'assessment_run', 'CASCADE'),
          fk('fk_assessment_adjustment_unit', 'unit_id', 'unit'),
          fk('fk_assessment_adjustment_appeal', 'appeal_id', 'assessment_appeal'),
          fk('fk_assessment_adjustment_created_by', 'created_by', 'app_user'),
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'assessment_bonus',
        columns: [
          id(),
          int('plan_id'),
          int('year'),
          int('unit_id'),
          points('points'),
          longText(runner, 'reason', false),
          int('created_by'),
          timestamp('created_at'),
          timestamp('withdrawn_at', true),
          int('withdrawn_by', true),
        ],
        indices: [{ name: 'ix_assessment_bonus_plan_year', columnNames: ['plan_id', 'year', 'unit_id'] }],
        foreignKeys: [
          fk('fk_assessment_bonus_plan', 'plan_id', 'plan', 'CASCADE'),
          fk('fk_assessment_bonus_unit', 'unit_id', 'unit'),
          fk('fk_assessment_bonus_created_by', 'created_by', 'app_user'),
          fk('fk_assessment_bonus_withdrawn_by', 'withdrawn_by', 'app_user'),
        ],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      'assessment_bonus',
      'assessment_adjustment',
      'assessment_appeal',
      'assessment_result',
      'assessment_run',
      'assessment_scheme',
    ]) {
      await runner.dropTable(table, true);
    }
  }
}
