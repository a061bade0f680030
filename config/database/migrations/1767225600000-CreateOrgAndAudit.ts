import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { bool, id, int, longText, str, timestamp } from './schema-helpers';

export class CreateOrgAndAudit1767225600000 implements MigrationInterface {
  name = 'CreateOrgAndAudit1767225600000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'unit',
        columns: [
          id(),
          int('parent_id', true),
          str('kind', 20),
          str('level', 20),
          str('name', 100),
          str('short_name', 50),
          str('path', 500),
          str('head_name', 50, true),
          str('head_title', 50, true),
          { name: 'emails', type: 'text', isNullable: true },
          timestamp('created_at'),
          timestamp('updated_at'),
        ],
        indices: [
          { name: 'uq_unit_parent_name', columnNames: ['parent_id', 'name'], isUnique: true },
          { name: 'ix_unit_path', columnNames: ['path'] },
        ],
        foreignKeys: [
          {
            name: 'fk_unit_parent',
            columnNames: ['parent_id'],
            referencedTableName: 'unit',
            referencedColumnNames: ['id'],
          },
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'unit_alias',
        columns: [id(), int('unit_id'), str('alias', 100), str('source', 20), timestamp('created_at')],
        indices: [
          { name: 'uq_unit_alias', columnNames: ['unit_id', 'alias'], isUnique: true },
          { name: 'ix_unit_alias_alias', columnNames: ['alias'] },
        ],
        foreignKeys: [
          {
            name: 'fk_unit_alias_unit',
            columnNames: ['unit_id'],
            referencedTableName: 'unit',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'app_user',
        columns: [
          id(),
          str('username', 64),
          str('display_name', 50),
          str('password_hash', 200),
          str('role', 20),
          int('unit_id'),
          str('email', 200, true),
          bool('active', true),
          { ...int('failed_logins'), default: 0 },
          timestamp('locked_until', true),
          timestamp('password_changed_at'),
          timestamp('created_at'),
        ],
        indices: [
          { name: 'uq_app_user_username', columnNames: ['username'], isUnique: true },
          { name: 'ix_app_user_unit', columnNames: ['unit_id'] },
        ],
        foreignKeys: [
          {
            name: 'fk_app_user_unit',
            columnNames: ['unit_id'],
            referencedTableName: 'unit',
            referencedColumnNames: ['id'],
          },
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'user_session',
        columns: [
          { ...str('token_hash', 64), isPrimary: true },
          int('user_id'),
          timestamp('created_at'),
          timestamp('expires_at'),
          timestamp('revoked_at', true),
        ],
        indices: [{ name: 'ix_user_session_user', columnNames: ['user_id'] }],
        foreignKeys: [
          {
            name: 'fk_user_session_user',
            columnNames: ['user_id'],
            referencedTableName: 'app_user',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'audit_entry',
        columns: [
          id(),
          timestamp('at'),
          str('actor', 100),
          int('actor_user_id', true),
          str('action', 80),
          str('entity_type', 40),
          str('entity_id', 64),
          int('unit_id', true),
          longText(runner, 'before'),
          longText(runner, 'after'),
          str('request_id', 64, true),
          str('prev_hash', 64),
          str('hash', 64),
        ],
        indices: [
          { name: 'ix_audit_entity', columnNames: ['entity_type', 'entity_id'] },
          { name: 'ix_audit_unit', columnNames: ['unit_id', 'id'] },
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'audit_chain_head',
        columns: [{ ...int('id'), isPrimary: true }, int('last_id'), str('last_hash', 64)],
      }),
    );
    await runner.query(`INSERT INTO audit_chain_head (id, last_id, last_hash) VALUES (1, 0, '${'0'.repeat(64)}')`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['audit_chain_head', 'audit_entry', 'user_session', 'app_user', 'unit_alias', 'unit']) {
      await runner.dropTable(table);
    }
  }
}
