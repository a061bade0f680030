import { MigrationInterface, QueryRunner } from 'typeorm';

/** Reserved for reporting (obligations, submissions, reviews); filled in by the reporting work. */
export class AddReporting1767398400000 implements MigrationInterface {
  name = 'AddReporting1767398400000';

  async up(_runner: QueryRunner): Promise<void> {}

  async down(_runner: QueryRunner): Promise<void> {}
}
