import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/**
 * Indexes for the dashboard's set-based reads (libs/dashboard):
 * - a period's reports by plan and unit with every column the state needs, so the overview reads one index range
 *   and never the table rows (it is the hot query: ~150k rows per period at 1.8M obligations);
 * - a unit's reports by period, for the submission matrix's page of units, the league table and the "still
 *   overdue" test of the lights;
 * - submissions by kind and time, so the overview finds a period's 无此项任务 declarations without reading each
 *   report's submission;
 * - warnings by the obligation they were issued for.
 */
const INDEXES: Array<{ table: string; index: TableIndex }> = [
  {
    table: 'reporting_obligation',
    index: new TableIndex({
      name: 'ix_reporting_obligation_period_state',
      columnNames: ['period', 'plan_id', 'unit_id', 'status', 'late', 'due_at', 'current_submission_id'],
    }),
  },
  {
    table: 'reporting_obligation',
    index: new TableIndex({
      name: 'ix_reporting_obligation_unit_period',
      columnNames: ['unit_id', 'period_start', 'plan_id'],
    }),
  },
  {
    table: 'reporting_submission',
    index: new TableIndex({ name: 'ix_reporting_submission_kind_time', columnNames: ['kind', 'submitted_at'] }),
  },
  { table: 'warning', index: new TableIndex({ name: 'ix_warning_obligation', columnNames: ['obligation_id'] }) },
];

export class AddDashboardIndexes1767830400000 implements MigrationInterface {
  name = 'AddDashboardIndexes1767830400000';

  async up(runner: QueryRunner): Promise<void> {
    for (const { table, index } of INDEXES) {
      await runner.createIndex(table, index);
    }
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const { table, index } of [...INDEXES].reverse()) {
      await runner.dropIndex(table, index.name ?? '');
    }
  }
}
