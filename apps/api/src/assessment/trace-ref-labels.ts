import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type { EntityManager, EntityTarget, FindOptionsSelect, FindOptionsWhere, ObjectLiteral } from 'typeorm';
import type { TraceLine, TraceRefType } from '@app/assessment';
import { PlanIndicator, Task } from '@app/plans';
import { Obligation, Submission } from '@app/reporting';
import { caseNumberOf, Interview, SupervisionCase, Warning } from '@app/supervision';

/** What a trace reference reads as next to the points it earned or cost, and where it leads. */
export interface TraceRefLabel {
  type: TraceRefType;
  id: number;
  label: string;
  /** The report a submission belongs to, so a page can link to it; null for other types. */
  obligationId: number | null;
}

const WARNING_LABELS: Record<Warning['kind'], string> = {
  yellow: '黄色预警',
  red: '红色预警',
  progress_lag: '进度滞后预警',
};

/** `2026年11月3日 18:00` in Asia/Shanghai, as the trace's reasons read. */
export function shanghaiDateTime(date: Date): string {
  const local = new Date(date.getTime() + 8 * 3600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${local.getUTCFullYear()}年${local.getUTCMonth() + 1}月${local.getUTCDate()}日 ` +
    `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`
  );
}

/**
 * Names the records a unit's trace points at: which report was late or missing (period, task, deadline), which
 * warning, case or interview cost points, which report met a deadline. Bonus, adjustment and appeal lines carry
 * their own reason and get no label. One query per record type, whatever the number of lines.
 */
@Injectable()
export class TraceRefLabels {
  constructor(private readonly dataSource: DataSource) {}

  async of(trace: readonly TraceLine[]): Promise<TraceRefLabel[]> {
    const ids = new Map<TraceRefType, Set<number>>();
    for (const ref of trace.flatMap((line) => line.refs)) {
      ids.set(ref.type, (ids.get(ref.type) ?? new Set()).add(ref.id));
    }
    const idsOf = (type: TraceRefType) => [...(ids.get(type) ?? [])];
    const em = this.dataSource.manager;
    const submissions = await load(em, Submission, idsOf('submission'), {
      id: true,
      obligationId: true,
      submittedAt: true,
    });
    const obligations = await load(
      em,
      Obligation,
      [...idsOf('obligation'), ...submissions.map((s) => s.obligationId)],
      {
        id: true,
        taskId: true,
        period: true,
        dueAt: true,
        submittedAt: true,
        late: true,
      },
    );
    const tasks = await load(em, Task, [...idsOf('task'), ...obligations.map((o) => o.taskId)], {
      id: true,
      title: true,
    });
    const taskTitle = new Map(tasks.map((t) => [t.id, t.title]));
    const obligationById = new Map(obligations.map((o) => [o.id, o]));
    const about = (o: Obligation) => `${o.period} · ${taskTitle.get(o.taskId) ?? `任务 #${o.taskId}`}`;

    const labels: TraceRefLabel[] = [];
    const add = (type: TraceRefType, id: number, label: string, obligationId: number | null = null) =>
      labels.push({ type, id, label, obligationId });

    for (const id of idsOf('obligation')) {
      const o = obligationById.get(id);
      if (o) {
        add('obligation', id, `${about(o)} · 截止 ${shanghaiDateTime(o.dueAt)}，${reportedWhen(o)}`);
      }
    }
    for (const s of submissions) {
      const o = obligationById.get(s.obligationId);
      add('submission', s.id, `${o ? about(o) : '报送'} · ${shanghaiDateTime(s.submittedAt)} 报送`, s.obligationId);
    }
    for (const id of idsOf('task')) {
      add('task', id, taskTitle.get(id) ?? `任务 #${id}`);
    }
    const warnings = await load(em, Warning, idsOf('warning'), { id: true, kind: true, issuedAt: true });
    warnings.forEach((w) => add('warning', w.id, `${WARNING_LABELS[w.kind]} · ${shanghaiDateTime(w.issuedAt)}`));
    const cases = await load(em, SupervisionCase, idsOf('case'), {
      id: true,
      year: true,
      number: true,
      openedAt: true,
    });
    cases.forEach((c) => add('case', c.id, `${caseNumberOf(c)} · ${shanghaiDateTime(c.openedAt)} 立案`));
    const interviews = await load(em, Interview, idsOf('interview'), { id: true, startsAt: true, place: true });
    interviews.forEach((i) => add('interview', i.id, `${shanghaiDateTime(i.startsAt)} · ${i.place}`));
    const indicators = await load(em, PlanIndicator, idsOf('indicator'), { id: true, name: true });
    indicators.forEach((i) => add('indicator', i.id, i.name));
    return labels;
  }
}

function reportedWhen(o: Obligation): string {
  if (o.submittedAt === null) {
    return '逾期未报';
  }
  return `${shanghaiDateTime(o.submittedAt)} ${o.late ? '逾期报送' : '报送'}`;
}

async function load<T extends ObjectLiteral & { id: number }>(
  em: EntityManager,
  entity: EntityTarget<T>,
  ids: number[],
  select: FindOptionsSelect<T>,
): Promise<T[]> {
  const unique = [...new Set(ids)];
  const rows: T[] = [];
  for (let start = 0; start < unique.length; start += 500) {
    rows.push(
      ...(await em.find(entity, {
        select,
        where: { id: In(unique.slice(start, start + 500)) } as FindOptionsWhere<T>,
      })),
    );
  }
  return rows;
}
