import { AuditService } from '@app/audit';
import { withAppContext } from './app-context';
import { EXIT_FAILURE, EXIT_OK, type CliIo } from './cli-io';

/** `audit verify`: walks the sealed hash chain of the audit trail; exit 1 and the broken rows when it was tampered with. */
export async function runAuditVerify(_args: string[], io: CliIo): Promise<number> {
  const result = await withAppContext((context) => context.get(AuditService).verify());
  const waiting =
    result.unsealed > 0
      ? `${result.unsealed} 条新记录尚未封存入链（未核验）。${result.unsealed} newer entries not sealed yet (not verified).\n`
      : '';
  if (result.ok) {
    io.stdout(`审计记录完整：已核验 ${result.checked} 条。Audit trail intact: ${result.checked} entries verified.\n`);
    io.stdout(waiting);
    return EXIT_OK;
  }
  io.stderr(`审计记录被篡改！Audit trail broken (${result.problems.length} problems, ${result.checked} entries):\n`);
  for (const problem of result.problems) {
    io.stderr(`  ${problem}\n`);
  }
  io.stderr(waiting);
  return EXIT_FAILURE;
}
