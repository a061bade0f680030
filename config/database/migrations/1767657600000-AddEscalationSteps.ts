import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { id, int, str, timestamp } from './schema-helpers';

export class AddEscalationSteps1767657600000 implements MigrationInterface {
  name = 'AddEscalationSteps1767657600000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'escalation_step',
        columns: [
          id(),
          str('subject_type', 20),
          int('subject_id'),
          str('kind', 40),
          int('round'),
          str('dedup_key', 200),
          timestamp('scheduled_at'),
          timestamp('issued_at'),
          { name: 'supersedes', type: 'text', isNullable: true },
          str('record_ref', 60, true),
          int('unit_id'),
        ],
        indices: [
          { name: 'uq_escalation_step_dedup', columnNames: ['dedup_key'], isUnique: true },
          { name: 'ix_escalation_step_subject', columnNames: ['subject_type', 'subject_id'] },
          { name: 'ix_escalation_step_unit', columnNames: ['unit_id', 'issued_at'] },
        ],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('escalation_step');
  }
}
