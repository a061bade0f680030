import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { bool, int, str, timestamp } from './schema-helpers';

/** A plan's own escalation ladder (督办规则), set by the office; plans without a row follow the default ladder. */
export class AddPlanLadders1768089600000 implements MigrationInterface {
  name = 'AddPlanLadders1768089600000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'plan_ladder',
        columns: [
          { name: 'plan_id', type: 'integer', isPrimary: true },
          int('reminder_days_before_due', true),
          bool('remind_on_due_date', true),
          int('yellow_after_days'),
          int('red_after_days'),
          int('supervision_after_days'),
          bool('supervision_on_consecutive', true),
          int('rectification_days'),
          str('office_opens_at', 5),
          str('office_closes_at', 5),
          str('updated_by', 100),
          timestamp('updated_at'),
        ],
        foreignKeys: [
          {
            name: 'fk_plan_ladder_plan',
            columnNames: ['plan_id'],
            referencedTableName: 'plan',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('plan_ladder');
  }
}
