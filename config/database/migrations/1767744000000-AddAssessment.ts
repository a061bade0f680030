import { MigrationInterface, QueryRunner } from 'typeorm';

/** Reserved for the year-end assessment (schemes, runs, scores, adjustments, appeals). */
export class AddAssessment1767744000000 implements MigrationInterface {
  name = 'AddAssessment1767744000000';

  async up(_runner: QueryRunner): Promise<void> {}

  async down(_runner: QueryRunner): Promise<void> {}
}
