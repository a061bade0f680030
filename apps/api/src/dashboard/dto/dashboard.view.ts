import { ApiProperty } from '@nestjs/swagger';
import { LIGHTS, OVERDUE_STEPS, REPORT_STATES, TASK_PROGRESS_STATES } from '@app/dashboard';
import type {
  DashboardOverview,
  LeagueEntry,
  LeagueTable,
  MatrixCell,
  OverdueReport,
  OverdueTask,
  PlanOverview,
  PlanProgress,
  PlanSummary,
  ReportFigures,
  StateCounts,
  SubmissionMatrix,
  TaskLight,
  TaskProgress,
  TrafficLights,
  TrendPoint,
  UnitLight,
  UnitProgress,
} from '@app/dashboard';

export class StateCountsView {
  @ApiProperty({ description: '按时报送' }) onTime!: number;
  @ApiProperty({ description: '逾期报送' }) late!: number;
  @ApiProperty({ description: '逾期未报' }) missing!: number;
  @ApiProperty({ description: '无此项任务或免报' }) nothingToReport!: number;
  @ApiProperty({ description: '未到期' }) notDue!: number;

  static of(counts: StateCounts): StateCountsView {
    return {
      onTime: counts.on_time,
      late: counts.late,
      missing: counts.missing,
      nothingToReport: counts.nothing_to_report,
      notDue: counts.not_due,
    };
  }
}

class ReportFiguresView {
  @ApiProperty({ type: StateCountsView }) counts!: StateCountsView;
  @ApiProperty({ description: '报送义务总数' }) total!: number;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: '按时报送率 = 按时 /（按时 + 逾期报送 + 逾期未报）；无应报时为 null',
  })
  onTimeRate!: number | null;

  static figures(figures: ReportFigures): ReportFiguresView {
    return { counts: StateCountsView.of(figures.counts), total: figures.total, onTimeRate: figures.onTimeRate };
  }
}

export class PlanOverviewView extends ReportFiguresView {
  @ApiProperty() planId!: number;
  @ApiProperty() title!: string;
  @ApiProperty({ description: '任务数（在您管辖范围内有分工的）' }) tasks!: number;
  @ApiProperty({ description: '已办结任务数' }) completedTasks!: number;
  @ApiProperty({ description: '本期有报送义务的单位数' }) units!: number;

  static of(plan: PlanOverview): PlanOverviewView {
    return {
      ...ReportFiguresView.figures(plan),
      planId: plan.planId,
      title: plan.title,
      tasks: plan.tasks,
      completedTasks: plan.completedTasks,
      units: plan.units,
    };
  }
}

export class TotalsView extends ReportFiguresView {
  @ApiProperty() units!: number;
}

export class LightCountsView {
  @ApiProperty() green!: number;
  @ApiProperty() yellow!: number;
  @ApiProperty() red!: number;
}

export class WarningCountsView {
  @ApiProperty() yellow!: number;
  @ApiProperty() red!: number;
  @ApiProperty() progressLag!: number;
}

export class OverviewView {
  @ApiProperty() asOf!: string;
  @ApiProperty({ example: '2026-11' }) period!: string;
  @ApiProperty({ type: TotalsView }) totals!: TotalsView;
  @ApiProperty({ type: [PlanOverviewView] }) plans!: PlanOverviewView[];
  @ApiProperty({ type: LightCountsView, description: '各灯单位数（green 正常、yellow 已预警、red 已升级）' })
  lights!: LightCountsView;
  @ApiProperty({ type: WarningCountsView, description: '就本期报送发出的预警' }) warnings!: WarningCountsView;
  @ApiProperty({ description: '未销号的督办件' }) openCases!: number;

  static of(overview: DashboardOverview): OverviewView {
    return {
      asOf: overview.asOf.toISOString(),
      period: overview.period,
      totals: { ...ReportFiguresView.figures(overview.totals), units: overview.totals.units },
      plans: overview.plans.map((plan) => PlanOverviewView.of(plan)),
      lights: overview.lights,
      warnings: overview.warnings,
      openCases: overview.openCases,
    };
  }
}

export class PlanSummaryView {
  @ApiProperty() planId!: number;
  @ApiProperty() title!: string;
  @ApiProperty() tasks!: number;
  @ApiProperty() completed!: number;
  @ApiProperty({ description: '最后期限已过仍未办结的任务' }) overdue!: number;
  @ApiProperty({ description: '各任务进度的平均值（%）' }) percent!: number;

  static of(plan: PlanSummary): PlanSummaryView {
    return {
      planId: plan.planId,
      title: plan.title,
      tasks: plan.tasks,
      completed: plan.completed,
      overdue: plan.overdue,
      percent: plan.percent,
    };
  }
}

export class UnitProgressView {
  @ApiProperty() unitId!: number;
  @ApiProperty() unitName!: string;
  @ApiProperty() tasks!: number;
  @ApiProperty({ description: '已办结或本单位已报 100% 的任务' }) completed!: number;
  @ApiProperty({ description: '尚未报过进度的任务' }) unreported!: number;
  @ApiProperty({ description: '本单位各任务最新进度的平均值（%）' }) percent!: number;

  static of(unit: UnitProgress): UnitProgressView {
    return { ...unit };
  }
}

export class TaskProgressView {
  @ApiProperty() taskId!: number;
  @ApiProperty() planId!: number;
  @ApiProperty({ example: '二/(三)' }) ref!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: TASK_PROGRESS_STATES }) state!: string;
  @ApiProperty({ description: '办结为 100，否则为牵头（及地方落实）单位最新进度的平均值' }) percent!: number;
  @ApiProperty({ nullable: true, type: String, description: '最后一个一次性期限（YYYY-MM-DD）' })
  finalDeadline!: string | null;
  @ApiProperty() units!: number;
  @ApiProperty({ description: '已报过进度的单位数' }) unitsReported!: number;

  static of(task: TaskProgress): TaskProgressView {
    return { ...task };
  }
}

export class PlanProgressView extends PlanSummaryView {
  @ApiProperty({ type: [UnitProgressView] }) units!: UnitProgressView[];
  @ApiProperty({ type: [TaskProgressView] }) taskRows!: TaskProgressView[];

  static ofPlan(plan: PlanProgress): PlanProgressView {
    return {
      ...PlanSummaryView.of(plan),
      units: plan.units.map((u) => UnitProgressView.of(u)),
      taskRows: plan.taskRows.map((t) => TaskProgressView.of(t)),
    };
  }
}

export class UnitLightView {
  @ApiProperty() unitId!: number;
  @ApiProperty() unitName!: string;
  @ApiProperty({ enum: LIGHTS }) light!: string;
  @ApiProperty({ description: '仍在起作用的预警数' }) warnings!: number;
  @ApiProperty() redWarnings!: number;
  @ApiProperty({ description: '未销号的督办件' }) openCases!: number;

  static of(unit: UnitLight): UnitLightView {
    return { ...unit };
  }
}

export class TaskLightView {
  @ApiProperty() taskId!: number;
  @ApiProperty() planId!: number;
  @ApiProperty() ref!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: LIGHTS }) light!: string;

  static of(task: TaskLight): TaskLightView {
    return { ...task };
  }
}

export class TrafficLightsView {
  @ApiProperty({ type: [UnitLightView] }) units!: UnitLightView[];
  @ApiProperty({ type: [TaskLightView] }) tasks!: TaskLightView[];

  static of(lights: TrafficLights): TrafficLightsView {
    return { units: lights.units.map((u) => UnitLightView.of(u)), tasks: lights.tasks.map((t) => TaskLightView.of(t)) };
  }
}

export class OverdueReportView {
  @ApiProperty() obligationId!: number;
  @ApiProperty() planId!: number;
  @ApiProperty() taskId!: number;
  @ApiProperty() taskRef!: string;
  @ApiProperty() taskTitle!: string;
  @ApiProperty() unitId!: number;
  @ApiProperty() unitName!: string;
  @ApiProperty({ enum: ['lead', 'participant', 'local'] }) role!: string;
  @ApiProperty() period!: string;
  @ApiProperty({ enum: ['open', 'returned'] }) status!: string;
  @ApiProperty() dueAt!: string;
  @ApiProperty() overdueWorkingDays!: number;
  @ApiProperty({ enum: OVERDUE_STEPS, description: '已采取的最高一级措施' }) step!: string;

  static of(report: OverdueReport): OverdueReportView {
    return { ...report, dueAt: report.dueAt.toISOString() };
  }
}

export class OverdueReportPageView {
  @ApiProperty() total!: number;
  @ApiProperty({ type: [OverdueReportView] }) items!: OverdueReportView[];
}

export class OverdueTaskView {
  @ApiProperty() taskId!: number;
  @ApiProperty() planId!: number;
  @ApiProperty() ref!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ description: '最后一个一次性期限（YYYY-MM-DD）' }) deadline!: string;
  @ApiProperty({ description: '逾期天数（自然日）' }) overdueDays!: number;
  @ApiProperty({ type: [String] }) leadUnits!: string[];

  static of(task: OverdueTask): OverdueTaskView {
    return { ...task };
  }
}

export class MatrixCellView {
  @ApiProperty() period!: string;
  @ApiProperty({
    enum: REPORT_STATES,
    description: '该单位本期最差的一项：missing > late > not_due > on_time > nothing_to_report',
  })
  state!: string;
  @ApiProperty({ type: StateCountsView }) counts!: StateCountsView;

  static of(cell: MatrixCell): MatrixCellView {
    return { period: cell.period, state: cell.state, counts: StateCountsView.of(cell.counts) };
  }
}

export class MatrixRowView {
  @ApiProperty() unitId!: number;
  @ApiProperty() unitName!: string;
  @ApiProperty({ type: [MatrixCellView] }) cells!: MatrixCellView[];
}

export class SubmissionMatrixView {
  @ApiProperty({ type: [String] }) periods!: string[];
  @ApiProperty({ description: '单位总数（分页前）' }) total!: number;
  @ApiProperty({ type: [MatrixRowView] }) rows!: MatrixRowView[];

  static of(matrix: SubmissionMatrix): SubmissionMatrixView {
    return {
      periods: matrix.periods,
      total: matrix.total,
      rows: matrix.rows.map((row) => ({
        unitId: row.unitId,
        unitName: row.unitName,
        cells: row.cells.map((c) => MatrixCellView.of(c)),
      })),
    };
  }
}

export class TrendPointView extends ReportFiguresView {
  @ApiProperty({ example: '2026-11' }) period!: string;

  static of(point: TrendPoint): TrendPointView {
    return { ...ReportFiguresView.figures(point), period: point.period };
  }
}

export class LeagueEntryView {
  @ApiProperty({ description: '名次（并列同名次）' }) rank!: number;
  @ApiProperty() unitId!: number;
  @ApiProperty() unitName!: string;
  @ApiProperty() yellowWarnings!: number;
  @ApiProperty() redWarnings!: number;
  @ApiProperty() progressLagWarnings!: number;
  @ApiProperty({ description: '挂牌督办次数' }) cases!: number;
  @ApiProperty({ description: '约谈次数' }) interviews!: number;
  @ApiProperty({ type: StateCountsView }) counts!: StateCountsView;
  @ApiProperty({ nullable: true, type: Number }) onTimeRate!: number | null;

  static of(entry: LeagueEntry): LeagueEntryView {
    return { ...entry, counts: StateCountsView.of(entry.counts) };
  }
}

export class LeagueTableView {
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty({ type: [LeagueEntryView], description: '红榜：无预警、督办、约谈，按时报送率最高的单位' })
  honour!: LeagueEntryView[];
  @ApiProperty({ type: [LeagueEntryView], description: '黄榜：按督办、红色预警、约谈、黄色预警排序' })
  warned!: LeagueEntryView[];

  static of(table: LeagueTable): LeagueTableView {
    return {
      from: table.from,
      to: table.to,
      honour: table.honour.map((e) => LeagueEntryView.of(e)),
      warned: table.warned.map((e) => LeagueEntryView.of(e)),
    };
  }
}
