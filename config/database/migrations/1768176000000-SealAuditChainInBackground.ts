import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';
import { int, str } from './schema-helpers';

const SEQ_INDEX = new TableIndex({ name: 'uq_audit_entry_seq', columnNames: ['seq'], isUnique: true });

/**
 * Audit rows are written unchained in the business transaction and sealed into the hash chain shortly after by
 * one sealer (libs/audit/README.md), so the chain's order is its own column, `seq`, assigned at sealing, and a row
 * has no hash until then. Rows chained before this migration were chained in id order: their position is their id.
 * The tip row now records the position of the last sealed row as well as its id.
 */
export class SealAuditChainInBackground1768176000000 implements MigrationInterface {
  name = 'SealAuditChainInBackground1768176000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.addColumn('audit_entry', new TableColumn(int('seq', true)));
    await runner.changeColumn('audit_entry', 'prev_hash', new TableColumn(str('prev_hash', 64, true)));
    await runner.changeColumn('audit_entry', 'hash', new TableColumn(str('hash', 64, true)));
    await runner.query('UPDATE audit_entry SET seq = id');
    await runner.createIndex('audit_entry', SEQ_INDEX);
    await runner.addColumn('audit_chain_head', new TableColumn({ ...int('last_seq'), default: 0 }));
    await runner.query('UPDATE audit_chain_head SET last_seq = last_id');
  }

  async down(runner: QueryRunner): Promise<void> {
    const [{ unsealed }] = (await runner.query(
      'SELECT COUNT(*) AS unsealed FROM audit_entry WHERE seq IS NULL',
    )) as Array<{
      unsealed: number | string;
    }>;
    if (Number(unsealed) > 0) {
      throw new Error(`${unsealed} audit rows are not sealed yet: run \`npm run cli -- audit seal\` first`);
    }
    await runner.dropColumn('audit_chain_head', 'last_seq');
    await runner.dropIndex('audit_entry', SEQ_INDEX.name ?? '');
    await runner.changeColumn('audit_entry', 'hash', new TableColumn(str('hash', 64)));
    await runner.changeColumn('audit_entry', 'prev_hash', new TableColumn(str('prev_hash', 64)));
    await runner.dropColumn('audit_entry', 'seq');
  }
}
