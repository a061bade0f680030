import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';
import { int } from './schema-helpers';

/**
 * The office's rating of an accepted report (1–5), kept on the obligation as well as in its review, and one index
 * that holds every column the year-end assessment reads per report. The assessment then reads a plan's year of
 * reports from that index alone, instead of visiting each report's row and looking up its review (3.6 million
 * reports in the benchmark). The index starts with `plan_id`, as the one it replaces did (the plan foreign key
 * needs one that does), so it is created before the old one is dropped.
 */
const OLD_INDEX = new TableIndex({
  name: 'ix_reporting_obligation_plan_period',
  columnNames: ['plan_id', 'period', 'status'],
});
const ASSESSMENT_INDEX = new TableIndex({
  name: 'ix_reporting_obligation_assessment',
  columnNames: [
    'plan_id',
    'period',
    'unit_id',
    'status',
    'late',
    'round',
    'due_at',
    'accepted_rating',
    'current_submission_id',
  ],
});

export class AddObligationAcceptedRating1768348800000 implements MigrationInterface {
  name = 'AddObligationAcceptedRating1768348800000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.addColumn('reporting_obligation', new TableColumn(int('accepted_rating', true)));
    await runner.query(
      `UPDATE reporting_obligation SET accepted_rating = (
         SELECT r.rating FROM reporting_review r
         WHERE r.obligation_id = reporting_obligation.id AND r.decision = 'accepted' AND r.rating IS NOT NULL
         ORDER BY r.id DESC LIMIT 1)
       WHERE status = 'accepted'`,
    );
    await runner.createIndex('reporting_obligation', ASSESSMENT_INDEX);
    await runner.dropIndex('reporting_obligation', OLD_INDEX);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.createIndex('reporting_obligation', OLD_INDEX);
    await runner.dropIndex('reporting_obligation', ASSESSMENT_INDEX);
    await runner.dropColumn('reporting_obligation', 'accepted_rating');
  }
}
