import * as path from 'node:path';
import { systemActor } from '@app/core';
import { Unit, UnitsService } from '@app/org';
import { PlanImportService, PlansService, PlanSource } from '@app/plans';
import { withAppContext } from './app-context';
import { CliUsageError, EXIT_OK, type CliIo } from './cli-io';

interface ImportArgs {
  file: string;
  year?: number;
  source: PlanSource;
  government?: string;
}

function parseArgs(args: string[]): ImportArgs {
  const [file, ...rest] = args;
  if (!file || file.startsWith('--')) {
    throw new CliUsageError(
      '用法 usage: plan import <file> [--year YYYY] [--source auto|prose|table] [--government 名称]',
    );
  }
  const parsed: ImportArgs = { file, source: 'auto' };
  for (let i = 0; i < rest.length; i += 2) {
    const [flag, value] = [rest[i], rest[i + 1]];
    if (value === undefined) {
      throw new CliUsageError(`${flag} 缺少取值 (missing value)`);
    }
    if (flag === '--year' && /^\d{4}$/.test(value)) {
      parsed.year = Number(value);
    } else if (flag === '--source' && ['auto', 'prose', 'table'].includes(value)) {
      parsed.source = value as PlanSource;
    } else if (flag === '--government') {
      parsed.government = value;
    } else {
      throw new CliUsageError(`无法识别的参数 unknown option: ${flag} ${value}`);
    }
  }
  return parsed;
}

/**
 * `plan import <file>`: reads a plan into the configured database as a draft of a government (the top government
 * by default, or `--government 阳西县人民政府`), and prints what the office still has to resolve.
 */
export async function runPlanImport(args: string[], io: CliIo): Promise<number> {
  const options = parseArgs(args);
  const buffer = await io.readFile(options.file);
  return withAppContext(async (context) => {
    const units = context.get(UnitsService);
    const government = await findGovernment(units, options.government);
    const plan = await context
      .get(PlanImportService)
      .importDraft(
        systemActor('cli'),
        government,
        { buffer, filename: path.basename(options.file) },
        { year: options.year, source: options.source },
      );
    const plans = context.get(PlansService);
    const detail = await plans.detail(plan.id);
    const unresolved = await plans.unresolved(plan.id);
    io.stdout(
      `已导入草稿 Imported draft #${plan.id}《${plan.title}》for ${government.name}: ${detail.tasks.length} tasks, ${detail.indicators.length} indicators.\n`,
    );
    io.stdout(`发布前待解决 Problems before publishing: ${detail.problems.length}\n`);
    for (const name of unresolved) {
      const candidates = name.candidates.map((c) => `${c.name}#${c.id}`).join('、') || '无';
      io.stdout(
        `  未对应单位 unresolved: ${name.rawName}（${name.taskIds.length} 项任务；候选 candidates: ${candidates}）\n`,
      );
    }
    return EXIT_OK;
  });
}

async function findGovernment(units: UnitsService, name: string | undefined): Promise<Unit> {
  const governments = await units.list({ kind: 'all' }, { kind: 'government' });
  const government = name
    ? governments.find((g) => g.name === name || g.shortName === name)
    : governments.find((g) => g.parentId === null);
  if (!government) {
    throw new CliUsageError(
      name ? `找不到政府单位 government not found: ${name}` : '数据库中还没有政府单位 no government in the database',
    );
  }
  return government;
}
