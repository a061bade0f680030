import { MAX_PLAN_BYTES, parsePlan, PlanParseError, type ParsedPlan, type PlanSource } from '@app/plans';
import { basename } from 'path';

import { CliUsageError, EXIT_BAD_INPUT, EXIT_OK, type CliIo } from './cli-io';

/**
 * `plan parse <file> [--year YYYY] [--source auto|prose|table] --format json`: parse a plan document and print its
 * tasks, indicators and unresolved items as JSON. No database is needed.
 */

export const PLAN_PARSE_USAGE = 'usage: plan parse <file> [--year YYYY] [--source auto|prose|table] --format json';

export interface PlanParseArgs {
  file: string;
  year?: number;
  source: PlanSource;
  format: 'json';
}

const SOURCES: readonly PlanSource[] = ['auto', 'prose', 'table'];

/** Read `--name value` and `--name=value` options and one positional file. */
export function parsePlanParseArgs(args: string[]): PlanParseArgs {
  const options = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (!['year', 'source', 'format'].includes(name)) {
      throw new CliUsageError(`未知选项 --${name}。Unknown option --${name}.`);
    }
    const value = inline ?? args[++i];
    if (value === undefined || value.startsWith('--')) {
      throw new CliUsageError(`选项 --${name} 缺少取值。Option --${name} needs a value.`);
    }
    options.set(name, value);
  }
  if (positional.length !== 1) {
    throw new CliUsageError(`需要且只需要一个文件。Exactly one file is required.`);
  }
  const yearText = options.get('year');
  const year = yearText === undefined ? undefined : Number(yearText);
  if (
    year !== undefined &&
    !(Number.isInteger(year) && year >= 1900 && year <= 2200 && /^\d{4}$/.test(yearText ?? ''))
  ) {
    throw new CliUsageError(
      `--year 必须是四位年份，收到“${yearText}”。--year must be a four-digit year, got "${yearText}".`,
    );
  }
  const source = options.get('source') ?? 'auto';
  if (!SOURCES.includes(source as PlanSource)) {
    throw new CliUsageError(
      `--source 只能是 auto、prose 或 table。--source must be auto, prose or table, got "${source}".`,
    );
  }
  const format = options.get('format') ?? 'json';
  if (format !== 'json') {
    throw new CliUsageError(`--format 只支持 json。--format supports json only, got "${format}".`);
  }
  return { file: positional[0], ...(year === undefined ? {} : { year }), source: source as PlanSource, format };
}

/** The JSON contract of `plan parse`: exactly these fields, in this order. */
export function toPlanParseJson(plan: ParsedPlan): unknown {
  return {
    tasks: plan.tasks.map((task) => ({
      ref: task.ref,
      title: task.title,
      lead: task.lead,
      participants: task.participants,
      deadlines: task.deadlines.map(({ raw, date, kind, every }) => ({ raw, date, kind, every })),
      localResponsibility: task.localResponsibility,
    })),
    indicators: plan.indicators.map(({ name, comparator, target, unit, approximate, targetDate, raw }) => ({
      name,
      comparator,
      target,
      unit,
      approximate,
      ...(targetDate === undefined ? {} : { targetDate }),
      raw,
    })),
    unresolved: plan.unresolved.map(({ reason, line, text, message }) => ({ reason, line, text, message })),
  };
}

async function readInput(file: string, io: CliIo): Promise<Buffer> {
  let size: number;
  try {
    size = await io.fileSize(file);
  } catch {
    throw new CliUsageError(`无法读取文件：${file}。Cannot read the file ${file}.`);
  }
  if (size > MAX_PLAN_BYTES) {
    const mb = MAX_PLAN_BYTES / 1024 / 1024;
    throw new PlanParseError(
      'TOO_LARGE',
      `文件过大（${file}）：${size} 字节，上限 ${mb} MB。File too large (${file}): ${size} bytes, limit ${mb} MB.`,
    );
  }
  return io.readFile(file);
}

export async function runPlanParse(args: string[], io: CliIo): Promise<number> {
  try {
    const parsed = parsePlanParseArgs(args);
    const buffer = await readInput(parsed.file, io);
    const plan = await parsePlan(
      { buffer, filename: basename(parsed.file) },
      { source: parsed.source, ...(parsed.year === undefined ? {} : { year: parsed.year }) },
    );
    io.stdout(`${JSON.stringify(toPlanParseJson(plan))}\n`);
    return EXIT_OK;
  } catch (error: unknown) {
    if (error instanceof CliUsageError) {
      io.stderr(`${error.message}\n${PLAN_PARSE_USAGE}\n`);
      return EXIT_BAD_INPUT;
    }
    if (error instanceof PlanParseError) {
      io.stderr(`[${error.code}] ${error.message}\n`);
      return EXIT_BAD_INPUT;
    }
    throw error;
  }
}
