import { EXIT_BAD_INPUT, EXIT_FAILURE, processIo, type CliIo, type Command } from './cli-io';
import { runAuditSeal } from './audit-seal.command';
import { runAuditVerify } from './audit-verify.command';
import { runOrgInit } from './org-init.command';
import { runPlanImport } from './plan-import.command';
import { runPlanParse } from './plan-parse.command';
import { runWorkflowsAdopt } from './workflows-adopt.command';

/**
 * Command-line entry: `npm run --silent cli -- <group> <command> …`. Each command lives in its own file; this is
 * only the table of commands.
 */
export const COMMANDS: Record<string, Command> = {
  'plan parse': runPlanParse,
  'plan import': runPlanImport,
  'audit verify': runAuditVerify,
  'audit seal': runAuditSeal,
  'workflows adopt': runWorkflowsAdopt,
  'org init': runOrgInit,
};

function usage(): string {
  return `usage: cli <command> [options]\ncommands:\n${Object.keys(COMMANDS)
    .map((name) => `  ${name}`)
    .join('\n')}\n`;
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const name = argv.slice(0, 2).join(' ');
  const command = COMMANDS[name];
  if (command === undefined) {
    io.stderr(`未知命令“${name}”。Unknown command "${name}".\n${usage()}`);
    return EXIT_BAD_INPUT;
  }
  return command(argv.slice(2), io);
}

if (require.main === module) {
  runCli(process.argv.slice(2), processIo).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = EXIT_FAILURE;
    },
  );
}
