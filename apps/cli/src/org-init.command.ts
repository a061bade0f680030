import { DomainError } from '@app/core';
import { OrgBootstrap, type OrgInitInput } from '@app/org';
import { withAppContext } from './app-context';
import { CliUsageError, EXIT_BAD_INPUT, EXIT_OK, type CliIo } from './cli-io';

const USAGE =
  '用法 usage: ADMIN_PASSWORD=… org init --government 名称 [--level province|city|county|township] ' +
  '[--office 领导小组办公室名称] [--admin 用户名] [--admin-name 姓名]';

const FLAGS: Record<string, keyof Omit<OrgInitInput, 'adminPassword'>> = {
  '--government': 'governmentName',
  '--level': 'level',
  '--office': 'officeName',
  '--admin': 'adminUsername',
  '--admin-name': 'adminDisplayName',
};

/** 茂名市人民政府 → 茂名市土壤污染防治工作领导小组办公室 (the running example's office), unless `--office` names it. */
function defaultOfficeName(governmentName: string): string {
  return `${governmentName.replace(/人民政府$/, '')}土壤污染防治工作领导小组办公室`;
}

function parseArgs(args: string[], password: string | undefined): OrgInitInput {
  const given: Partial<Record<keyof OrgInitInput, string>> = {};
  for (let i = 0; i < args.length; i += 2) {
    const [flag, value] = [args[i], args[i + 1]];
    const field = FLAGS[flag];
    if (field === undefined) {
      throw new CliUsageError(`无法识别的参数 unknown option: ${flag}\n${USAGE}`);
    }
    if (value === undefined || value.startsWith('--')) {
      throw new CliUsageError(`${flag} 缺少取值 (missing value)\n${USAGE}`);
    }
    given[field] = value;
  }
  if (!given.governmentName) {
    throw new CliUsageError(`缺少 --government (missing)\n${USAGE}`);
  }
  if (!password) {
    // Not an option: a password on the command line stays in the shell history and the process list.
    throw new CliUsageError(`请在环境变量 ADMIN_PASSWORD 中给出管理员密码 (set ADMIN_PASSWORD)\n${USAGE}`);
  }
  return {
    governmentName: given.governmentName,
    level: given.level ?? 'city',
    officeName: given.officeName ?? defaultOfficeName(given.governmentName),
    adminUsername: given.adminUsername ?? 'admin',
    adminDisplayName: given.adminDisplayName ?? '系统管理员',
    adminPassword: password,
  };
}

/**
 * `org init`: the first start of a real installation (`DEMO_DATA=0`). On an empty database, creates the government,
 * its leading-group office and the first system administrator, who signs in and adds the departments, lower
 * governments and users. Refused (exit 2) on a database that already has an organisation.
 */
export async function runOrgInit(args: string[], io: CliIo): Promise<number> {
  try {
    const input = parseArgs(args, process.env.ADMIN_PASSWORD);
    const { government, office, admin } = await withAppContext((context) => context.get(OrgBootstrap).init(input));
    io.stdout(
      `已初始化 Initialised: ${government.name}（#${government.id}）、${office.name}（#${office.id}）。\n` +
        `系统管理员 System administrator: ${admin.username}（${admin.displayName}），请登录后添加单位和用户。` +
        ` Sign in and add the departments and users.\n`,
    );
    return EXIT_OK;
  } catch (error) {
    if (error instanceof CliUsageError) {
      io.stderr(`${error.message}\n`);
      return EXIT_BAD_INPUT;
    }
    if (error instanceof DomainError) {
      const fields = Object.entries(error.fields ?? {}).map(
        ([field, reasons]) => `  ${field}: ${reasons.join('，')}\n`,
      );
      io.stderr(`未初始化 Not initialised: ${error.message}\n${fields.join('')}`);
      return EXIT_BAD_INPUT;
    }
    throw error;
  }
}
