import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';
import { bool } from './schema-helpers';

/**
 * Whether the accepted report declares its task complete (100 %), kept on the obligation as well as on the
 * report, and one index that holds every column the year-end assessment reads per deadline: the first complete
 * report of a task and unit by a date, and the last due time before it. The assessment then reads them from that
 * index alone, instead of visiting each obligation's row and looking up its report (MariaDB, 18,000 deadlines of
 * 3,000 units: 2.9 s → under 1 s).
 */
const COMPLETION_INDEX = new TableIndex({
  name: 'ix_reporting_obligation_completion',
  columnNames: ['task_id', 'unit_id', 'period_start', 'accepted_complete', 'due_at', 'current_submission_id'],
});

export class AddObligationAcceptedComplete1768435200000 implements MigrationInterface {
  name = 'AddObligationAcceptedComplete1768435200000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.addColumn('reporting_obligation', new TableColumn(bool('accepted_complete', false)));
    await runner.query(
      `UPDATE reporting_obligation SET accepted_complete = 1
       WHERE status = 'accepted' AND EXISTS (SELECT 1 FROM reporting_submission s
         WHERE s.id = reporting_obligation.current_submission_id AND s.declares_complete = 1)`,
    );
    await runner.createIndex('reporting_obligation', COMPLETION_INDEX);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropIndex('reporting_obligation', COMPLETION_INDEX);
    await runner.dropColumn('reporting_obligation', 'accepted_complete');
  }
}
