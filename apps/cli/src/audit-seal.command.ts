import { AuditSealer } from '@app/audit';
import { withAppContext } from './app-context';
import { EXIT_OK, type CliIo } from './cli-io';

/**
 * `audit seal`: puts every committed audit row into the hash chain now. The API does this every second when it runs
 * background jobs; this is for a database written without one (scripts, tests, an API with BACKGROUND_JOBS=0).
 */
export async function runAuditSeal(_args: string[], io: CliIo): Promise<number> {
  const sealed = await withAppContext((context) => context.get(AuditSealer).sealPending());
  io.stdout(`已封存 ${sealed} 条审计记录。Sealed ${sealed} audit entries into the chain.\n`);
  return EXIT_OK;
}
