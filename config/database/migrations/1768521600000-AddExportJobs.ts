import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { int, str, timestamp } from './schema-helpers';

/** Background exports (libs/exports/src/jobs), kept so a job's state survives a restart of the API. */
export class AddExportJobs1768521600000 implements MigrationInterface {
  name = 'AddExportJobs1768521600000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'export_job',
        columns: [
          { ...str('id', 36), isPrimary: true },
          str('kind', 32),
          int('owner_id'),
          str('status', 16),
          int('done'),
          int('total'),
          str('filename', 200),
          str('ascii_filename', 200),
          str('content_type', 120),
          str('error', 200, true),
          timestamp('created_at'),
          timestamp('finished_at', true),
          timestamp('alive_at'),
        ],
        indices: [{ name: 'ix_export_job_owner', columnNames: ['owner_id', 'status'] }],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('export_job');
  }
}
