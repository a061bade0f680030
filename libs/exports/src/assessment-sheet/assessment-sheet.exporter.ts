import { Injectable } from '@nestjs/common';
import { AssessmentQueries, RUN_STATUS_LABELS } from '@app/assessment';
import { formatChineseDay } from '@app/notify';
import type { AuthUser } from '@app/org';
import { safeFilename, XLSX_TYPE } from '../common/export-file';
import type { ExportTask } from '../common/export-task';
import { writeAssessmentSheet } from './assessment-sheet.writer';

/** 考核结果汇总表 of an assessment run, read through the assessment's own rules (a leader: published runs only). */
@Injectable()
export class AssessmentSheetExporter {
  constructor(private readonly queries: AssessmentQueries) {}

  async prepare(user: AuthUser, runId: number): Promise<ExportTask> {
    const data = await this.queries.sheet(runId, user);
    const { run } = data;
    const draft = run.status !== 'published';
    const title = `${run.planTitle}${run.year}年度考核结果汇总表${draft ? `（${RUN_STATUS_LABELS[run.status]}）` : ''}`;
    const basis = [
      `考核单位：${run.governmentName}`,
      run.schemeVersion === null ? null : `评分方案：第${run.schemeVersion}版`,
      `状态：${RUN_STATUS_LABELS[run.status]}`,
      run.publishedAt ? `发布日期：${formatChineseDay(run.publishedAt)}` : null,
      run.appealDeadline && draft ? `申诉截止：${formatChineseDay(run.appealDeadline)}` : null,
    ]
      .filter(Boolean)
      .join('\u3000\u3000');
    return {
      file: {
        filename: `${safeFilename(title)}.xlsx`,
        asciiFilename: `assessment-${run.year}-plan${run.planId}-run${run.id}.xlsx`,
        contentType: XLSX_TYPE,
      },
      total: data.groups.reduce((sum, g) => sum + g.rows.length, 0),
      write: (out, progress) => writeAssessmentSheet(out, data, title, basis, progress),
    };
  }
}
