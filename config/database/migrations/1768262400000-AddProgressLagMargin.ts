import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { int } from './schema-helpers';

/**
 * A plan's progress-lag margin (进度滞后容差): how many percentage points reported progress may trail the elapsed
 * share of a task's deadline window before a progress-lag warning. Plans that already have their own ladder keep
 * the default (`DEFAULT_PROGRESS_LAG_MARGIN_POINTS`).
 */
export class AddProgressLagMargin1768262400000 implements MigrationInterface {
  name = 'AddProgressLagMargin1768262400000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.addColumn('plan_ladder', new TableColumn({ ...int('progress_lag_margin'), default: 20 }));
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropColumn('plan_ladder', 'progress_lag_margin');
  }
}
