import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Plan, PlanDetail, PlanProblem, UnresolvedName } from '@app/plans';

export class PlanView {
  @ApiProperty() id!: number;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: ['draft', 'published', 'archived'] }) status!: string;
  @ApiProperty() governmentId!: number;
  @ApiProperty({ nullable: true, type: Number }) yearStart!: number | null;
  @ApiProperty({ nullable: true, type: Number }) yearEnd!: number | null;
  @ApiProperty({ nullable: true, type: String, enum: ['table', 'prose'] }) sourceForm!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) publishedAt!: string | null;

  static of(plan: Plan): PlanView {
    return {
      id: plan.id,
      title: plan.title,
      status: plan.status,
      governmentId: plan.governmentId,
      yearStart: plan.yearStart,
      yearEnd: plan.yearEnd,
      sourceForm: plan.sourceForm,
      createdAt: plan.createdAt.toISOString(),
      publishedAt: plan.publishedAt?.toISOString() ?? null,
    };
  }
}

export class TaskUnitView {
  @ApiProperty({ description: '文件原文中的名称' }) rawName!: string;
  @ApiProperty({ nullable: true, type: Number, description: 'null：尚未对应到单位' }) unitId!: number | null;
}

export class DeadlineView {
  @ApiProperty() raw!: string;
  @ApiProperty({ nullable: true, type: String }) date!: string | null;
  @ApiProperty({ enum: ['once', 'recurring', 'ongoing', 'from'] }) kind!: string;
  @ApiProperty({ nullable: true, type: String }) every!: string | null;
}

export class TaskView {
  @ApiProperty() id!: number;
  @ApiProperty() ref!: string;
  @ApiProperty() position!: number;
  @ApiProperty() title!: string;
  @ApiProperty() text!: string;
  @ApiProperty() localResponsibility!: boolean;
  @ApiProperty() status!: string;
  @ApiProperty() reportingCycle!: string;
  @ApiProperty({ type: [TaskUnitView] }) lead!: TaskUnitView[];
  @ApiProperty({ type: [TaskUnitView] }) participants!: TaskUnitView[];
  @ApiProperty({ type: [DeadlineView] }) deadlines!: DeadlineView[];
}

export class ProblemView {
  @ApiProperty({ enum: ['NO_TASKS', 'NO_LEAD', 'UNRESOLVED_UNIT', 'DEADLINE_WITHOUT_DATE'] }) code!: string;
  @ApiProperty({ nullable: true, type: Number }) taskId!: number | null;
  @ApiProperty({ nullable: true, type: String }) ref!: string | null;
  @ApiProperty() field!: string;
  @ApiProperty() message!: string;
}

export class IndicatorView {
  @ApiProperty() id!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['>=', '<=', '='] }) comparator!: string;
  @ApiProperty() target!: number;
  @ApiProperty() unit!: string;
  @ApiProperty() approximate!: boolean;
  @ApiProperty({ nullable: true, type: String }) targetDate!: string | null;
  @ApiProperty() raw!: string;
}

export class ImportNoteView {
  @ApiProperty() line!: number;
  @ApiProperty() message!: string;
  @ApiProperty() text!: string;
}

export class PlanDetailView extends PlanView {
  @ApiProperty({ type: [TaskView] }) tasks!: TaskView[];
  @ApiProperty({ type: [IndicatorView] }) indicators!: IndicatorView[];
  @ApiProperty({ type: [ProblemView], description: '发布前必须解决的问题' }) problems!: ProblemView[];
  @ApiProperty({ type: [ImportNoteView], description: '导入时未能确定的内容，供办公室核对' })
  importNotes!: ImportNoteView[];
  @ApiProperty({ description: '每月几日前报送等规则' }) reporting!: Record<string, number>;

  static ofDetail(detail: PlanDetail): PlanDetailView {
    return {
      ...PlanView.of(detail.plan),
      reporting: { ...detail.plan.reporting },
      importNotes: detail.plan.importNotes ?? [],
      tasks: detail.tasks.map((task) => {
        const units = detail.units.filter((u) => u.taskId === task.id);
        const view = (role: 'lead' | 'participant') =>
          units.filter((u) => u.role === role).map((u) => ({ rawName: u.rawName, unitId: u.unitId }));
        return {
          id: task.id,
          ref: task.ref,
          position: task.position,
          title: task.title,
          text: task.text,
          localResponsibility: task.localResponsibility,
          status: task.status,
          reportingCycle: task.reportingCycle,
          lead: view('lead'),
          participants: view('participant'),
          deadlines: detail.deadlines
            .filter((d) => d.taskId === task.id)
            .map((d) => ({ raw: d.raw, date: d.date, kind: d.kind, every: d.every })),
        };
      }),
      indicators: detail.indicators.map((i) => ({
        id: i.id,
        name: i.name,
        comparator: i.comparator,
        target: Number(i.target),
        unit: i.unit,
        approximate: Boolean(i.approximate),
        targetDate: i.targetDate,
        raw: i.raw,
      })),
      problems: detail.problems.map((p: PlanProblem) => ({ ...p })),
    };
  }
}

export class CandidateView {
  @ApiProperty() id!: number;
  @ApiProperty() name!: string;
  @ApiProperty() score!: number;
}

export class UnresolvedNameView {
  @ApiProperty() rawName!: string;
  @ApiProperty({ type: [Number] }) taskIds!: number[];
  @ApiProperty({ type: [CandidateView] }) candidates!: CandidateView[];

  static of(name: UnresolvedName): UnresolvedNameView {
    return { ...name };
  }
}

export class PublishResultView {
  @ApiProperty() assignments!: number;
  @ApiProperty() units!: number;
  @ApiProperty({ description: '收到签收通知的联络员人数' }) notified!: number;
  @ApiProperty() acknowledgeDueAt!: string;
}

export class MapUnitResultView {
  @ApiProperty({ description: '本计划中因此得到对应的条目数' }) resolvedRows!: number;
}

export class AcknowledgementStatusView {
  @ApiProperty() unitId!: number;
  @ApiProperty() unitName!: string;
  @ApiProperty() total!: number;
  @ApiProperty() acknowledged!: number;
  @ApiProperty() pending!: number;
  @ApiPropertyOptional({ description: '已过签收期限仍未签收' }) overdue!: number;
}
