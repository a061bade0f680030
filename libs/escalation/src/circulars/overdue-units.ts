import { EntityManager, In } from 'typeorm';
import { Unit } from '@app/org';
import { Plan, Task } from '@app/plans';
import { Obligation } from '@app/reporting';
import { CircularItem, CircularUnitEntry, Interview, SupervisionCaseLink } from '@app/supervision';
import { localDateOf, type WorkingCalendar } from '@app/workflows';
import { EscalationStepRecord } from '../escalation-step.entity';

/** The month, and the quarter it closes (quarterly tasks report once, after the quarter's last month). */
export function periodsListedFor(period: string): string[] {
  const [year, month] = period.split('-').map(Number);
  return month % 3 === 0 ? [period, `${year}-Q${month / 3}`] : [period];
}

const MEASURES: ReadonlyArray<[string, CircularItem['status']]> = [
  ['supervision_case', 'supervision'],
  ['red_warning', 'red'],
  ['yellow_warning', 'yellow'],
];

/**
 * The units whose reports to the office for the period were overdue as of `now`: submitted after their deadline,
 * or still missing past it (waived and cancelled ones are excused; participants report to their lead, not to the
 * office). Each item says how many working days late it is and the highest measure taken so far.
 */
export async function overdueUnits(
  em: EntityManager,
  governmentId: number,
  period: string,
  now: Date,
  calendar: WorkingCalendar,
): Promise<CircularUnitEntry[]> {
  const overdue = await em
    .getRepository(Obligation)
    .createQueryBuilder('o')
    .innerJoin(Plan, 'p', 'p.id = o.plan_id')
    .where('p.government_id = :governmentId', { governmentId })
    .andWhere("p.status = 'published'")
    .andWhere('o.period IN (:...periods)', { periods: periodsListedFor(period) })
    .andWhere("o.role IN ('lead', 'local')")
    .andWhere("o.status NOT IN ('waived', 'cancelled')")
    .andWhere("(o.late = 1 OR (o.status IN ('open', 'returned') AND o.due_at < :now))", { now })
    .orderBy('o.unit_id', 'ASC')
    .addOrderBy('o.id', 'ASC')
    .getMany();
  if (overdue.length === 0) {
    return [];
  }
  const ids = overdue.map((o) => o.id);
  const [tasks, units, steps, links] = await Promise.all([
    em.findBy(Task, { id: In([...new Set(overdue.map((o) => o.taskId))]) }),
    em.findBy(Unit, { id: In([...new Set(overdue.map((o) => o.unitId))]) }),
    em.findBy(EscalationStepRecord, { subjectType: 'obligation', subjectId: In(ids) }),
    em.findBy(SupervisionCaseLink, { kind: 'obligation', refId: In(ids) }),
  ]);
  const interviews = links.length
    ? await em.findBy(Interview, { caseId: In([...new Set(links.map((link) => link.caseId))]) })
    : [];
  const interviewed = new Set(
    links.filter((link) => interviews.some((i) => i.caseId === link.caseId)).map((link) => link.refId),
  );
  const measureOf = (obligationId: number): CircularItem['status'] => {
    if (interviewed.has(obligationId)) {
      return 'interview';
    }
    const issued = new Set(steps.filter((s) => s.subjectId === obligationId).map((s) => s.kind));
    return MEASURES.find(([kind]) => issued.has(kind))?.[1] ?? 'none';
  };
  const byUnit = new Map<number, CircularItem[]>();
  for (const obligation of overdue) {
    const task = tasks.find((t) => t.id === obligation.taskId);
    const reported = obligation.status === 'submitted' || obligation.status === 'accepted';
    const until = reported && obligation.submittedAt ? obligation.submittedAt : now;
    const items = byUnit.get(obligation.unitId) ?? [];
    items.push({
      taskId: obligation.taskId,
      obligationId: obligation.id,
      taskTitle: task?.title ?? `任务 ${obligation.taskId}`,
      dueAt: obligation.dueAt.toISOString(),
      overdueWorkingDays: Math.max(
        0,
        calendar.workingDaysBetween(localDateOf(obligation.dueAt.getTime()), localDateOf(until.getTime())),
      ),
      status: measureOf(obligation.id),
    });
    byUnit.set(obligation.unitId, items);
  }
  return [...byUnit.entries()]
    .map(([unitId, items]) => ({
      unitId,
      unitName: units.find((u) => u.id === unitId)?.name ?? '',
      overdueCount: items.length,
      items,
    }))
    .sort((a, b) => b.overdueCount - a.overdueCount || a.unitName.localeCompare(b.unitName, 'zh-CN'));
}
