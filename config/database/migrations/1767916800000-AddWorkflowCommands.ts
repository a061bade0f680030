import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { id, int, longText, str, timestamp } from './schema-helpers';

/** The outbox of starts and signals for the Temporal engine (libs/workflows/src/engine). */
export class AddWorkflowCommands1767916800000 implements MigrationInterface {
  name = 'AddWorkflowCommands1767916800000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'workflow_command',
        columns: [
          id(),
          str('kind', 10),
          str('workflow_id', 200),
          str('name', 100),
          longText(runner, 'payload', false),
          str('status', 20),
          { ...int('attempts'), default: 0 },
          { name: 'last_error', type: 'text', isNullable: true },
          timestamp('created_at'),
          timestamp('delivered_at', true),
        ],
        indices: [{ name: 'ix_workflow_command_status', columnNames: ['status', 'id'] }],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('workflow_command');
  }
}
