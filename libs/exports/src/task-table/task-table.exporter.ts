import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { DomainError } from '@app/core';
import { AuthUser, Role, scopeCovers, Unit } from '@app/org';
import { Plan, Task, TaskDeadline, TaskUnit } from '@app/plans';
import { chapterOf, chapterTitles } from '../common/chapter-titles';
import { safeFilename, XLSX_TYPE } from '../common/export-file';
import type { ExportTask } from '../common/export-task';
import { TaskTableRow, taskTableRow } from './task-table-rows';
import { TaskTableWriter } from './task-table.writer';

const BATCH = 500;

export const PLAN_READERS: readonly Role[] = ['system_admin', 'office_admin', 'supervisor', 'leader'];

interface TaskDetails {
  leads: string[];
  participants: string[];
  deadlines: string[];
}

/**
 * 任务分工表 of a plan (序号 / 条 / 款 / 任务措施 / 牵头部门 / 参与部门 / 实施进度), in the form the importer reads, so
 * `POST /api/plans/import` with the file gives the same tasks.
 */
@Injectable()
export class TaskTableExporter {
  constructor(private readonly dataSource: DataSource) {}

  async prepare(user: AuthUser, planId: number): Promise<ExportTask> {
    const em = this.dataSource.manager;
    const plan = await em.findOneBy(Plan, { id: planId });
    if (!plan) {
      throw DomainError.notFound('计划', planId);
    }
    // As for the plan itself (GET /api/plans/:id): the office, supervisors and leaders of its government.
    const government = await em.findOneByOrFail(Unit, { id: plan.governmentId });
    if (!PLAN_READERS.includes(user.role) || !scopeCovers(user.scope, government)) {
      throw new DomainError('FORBIDDEN', '该计划不在您的管辖范围内');
    }
    const total = await em.countBy(Task, { planId, status: In(['active', 'completed']) });
    const titles = chapterTitles(plan.sourceText);
    // The importer takes the year from the title: keep it there when the title does not say it.
    const title =
      /\d{4}\s*年/.test(plan.title) || plan.yearStart === null ? plan.title : `${plan.title}（${plan.yearStart}年）`;
    return {
      file: {
        filename: `${safeFilename(plan.title)}任务分工表.xlsx`,
        asciiFilename: `task-table-plan${plan.id}.xlsx`,
        contentType: XLSX_TYPE,
      },
      total,
      write: async (out, progress) => {
        const writer = new TaskTableWriter(out, title);
        let chapter: Array<{ ref: string; row: TaskTableRow }> = [];
        let seq = 0;
        for (let offset = 0; offset < total; offset += BATCH) {
          const tasks = await em.find(Task, {
            where: { planId, status: In(['active', 'completed']) },
            order: { position: 'ASC', id: 'ASC' },
            skip: offset,
            take: BATCH,
          });
          const details = await this.details(tasks);
          for (const task of tasks) {
            const row = taskTableRow(++seq, { ...task, ...details(task.id) }, titles);
            if (chapter.length > 0 && chapterOf(task.ref) !== chapterOf(chapter[0].ref)) {
              writer.writeChapter(chapter.map((r) => r.row));
              chapter = [];
            }
            chapter.push({ ref: task.ref, row });
          }
          progress(Math.min(total, offset + tasks.length));
        }
        writer.writeChapter(chapter.map((r) => r.row));
        await writer.finish();
      },
    };
  }

  /** Units (by their full names, or as written when unresolved) and deadline phrases of a batch of tasks. */
  private async details(tasks: Task[]): Promise<(taskId: number) => TaskDetails> {
    const em = this.dataSource.manager;
    const ids = tasks.map((t) => t.id);
    const [units, deadlines] = await Promise.all([
      em.find(TaskUnit, { where: { taskId: In(ids) }, order: { position: 'ASC', id: 'ASC' } }),
      em.find(TaskDeadline, { where: { taskId: In(ids) }, order: { position: 'ASC', id: 'ASC' } }),
    ]);
    const resolved = units.flatMap((u) => (u.unitId === null ? [] : [u.unitId]));
    const names = new Map(
      (resolved.length ? await em.findBy(Unit, { id: In([...new Set(resolved)]) }) : []).map((u) => [u.id, u.name]),
    );
    const nameOf = (u: TaskUnit) => (u.unitId === null ? u.rawName : (names.get(u.unitId) ?? u.rawName));
    // Two spellings of one unit in the document (经信局, 经济和信息化局) are one unit, written once by its name.
    const named = (taskId: number, role: TaskUnit['role']) => [
      ...new Set(units.filter((u) => u.taskId === taskId && u.role === role).map(nameOf)),
    ];
    return (taskId: number) => ({
      leads: named(taskId, 'lead'),
      participants: named(taskId, 'participant'),
      deadlines: deadlines.filter((d) => d.taskId === taskId).map((d) => d.raw),
    });
  }
}
