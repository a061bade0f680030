import { MigrationInterface, QueryRunner } from 'typeorm';

/** Reserved for supervision (warnings, cases, interviews); filled in by the supervision work. */
export class AddSupervision1767484800000 implements MigrationInterface {
  name = 'AddSupervision1767484800000';

  async up(_runner: QueryRunner): Promise<void> {}

  async down(_runner: QueryRunner): Promise<void> {}
}
