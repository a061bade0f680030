import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock, DomainError } from '@app/core';
import { PlanVisibility } from '@app/dashboard';
import { formatChineseDay } from '@app/notify';
import { AuthUser, Unit } from '@app/org';
import { isPeriod, parsePeriod, periodContaining, periodLabel, periodStartDate } from '@app/reporting';
import { chapterTitles } from '../common/chapter-titles';
import { safeFilename, XLSX_TYPE } from '../common/export-file';
import type { ExportTask } from '../common/export-task';
import { ProgressRow, ProgressRowBuilder } from './progress-rows';
import { ProgressTableSource } from './progress-table.source';
import { ProgressTableWriter } from './progress-table.writer';

/** Two ideographic spaces, as forms separate their fields. */
const GAP = '\u3000\u3000';

const FOOTNOTE =
  '注：1．进展情况摘自本期已审核通过的报送；2．有该项任务的单位简明写清进展情况，无该项任务的写“无此项任务”；' +
  '3．备注列出完成进度、逾期报送情况，以及尚未报送或尚待审核的单位。';

/**
 * 重点工作进展表 of one plan and period: the office's view (leads and lower governments), or a unit's own rows
 * (填报单位 = the unit). A monthly period also takes the reports of quarterly tasks for the quarter it falls in.
 */
@Injectable()
export class ProgressTableExporter {
  constructor(
    private readonly dataSource: DataSource,
    private readonly visibility: PlanVisibility,
    private readonly source: ProgressTableSource,
    private readonly clock: Clock,
  ) {}

  async prepare(user: AuthUser, planId: number, period: string): Promise<ExportTask> {
    if (!isPeriod(period)) {
      throw DomainError.invalid('period', '格式应为 YYYY-MM（月度）或 YYYY-Qn（季度）');
    }
    const plan = await this.visibility.assertVisible(user.scope, planId);
    const periods =
      parsePeriod(period).cycle === 'monthly'
        ? [period, periodContaining(periodStartDate(period), 'quarterly')]
        : [period];
    const unit = await this.dataSource.getRepository(Unit).findOneByOrFail({ id: user.unitId });
    const now = this.clock.now();
    const total = await this.source.count(plan, periods, user.scope);
    const name = `${plan.title}重点工作进展（${periodLabel(period)}）`;
    return {
      file: {
        filename: `${safeFilename(name)}.xlsx`,
        asciiFilename: `progress-table-plan${plan.id}-${period}.xlsx`,
        contentType: XLSX_TYPE,
      },
      total,
      write: async (out, progress) => {
        const writer = new ProgressTableWriter(out, {
          title: name,
          filledBy: `填报单位：${unit.name}${GAP}填报人：${user.displayName}${GAP}导出日期：${formatChineseDay(now)}`,
          footnote: FOOTNOTE,
        });
        const builder = new ProgressRowBuilder(chapterTitles(plan.sourceText), now);
        let section: ProgressRow[] = [];
        let done = 0;
        for await (const batch of this.source.batches(plan, periods, user.scope)) {
          for (const task of batch) {
            const row = builder.row(task);
            if (section.length > 0 && section[0].section !== row.section) {
              writer.writeSection(section);
              section = [];
            }
            section.push(row);
          }
          done += batch.length;
          progress(done);
        }
        writer.writeSection(section);
        await writer.finish();
      },
    };
  }
}
