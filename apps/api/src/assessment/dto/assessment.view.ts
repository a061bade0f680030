import { ApiProperty } from '@nestjs/swagger';
import {
  APPEAL_STATUS_LABELS,
  APPEAL_STATUSES,
  GRADE_LABELS,
  GRADES,
  RANK_GROUPS,
  RUN_STATUS_LABELS,
  RUN_STATUSES,
  TRACE_CATEGORIES,
  TRACE_REF_TYPES,
} from '@app/assessment';
import type {
  AppealRow,
  AssessmentAdjustment,
  AssessmentAppeal,
  AssessmentBonus,
  ComputeSummary,
  CurrentScheme,
  RankingGroup,
  ResultDetail,
  ResultRow,
  RunContext,
  RunSummary,
  ScoringScheme,
  TraceLine,
} from '@app/assessment';
import type { TraceRefLabel } from '../trace-ref-labels';
import { DeductionsDto, GradesDto, WeightsDto } from './assessment.dto';

const iso = (date: Date | null): string | null => date?.toISOString() ?? null;

export class SchemeBodyView {
  @ApiProperty({ type: WeightsDto }) weights!: WeightsDto;
  @ApiProperty({ type: DeductionsDto }) deductions!: DeductionsDto;
  @ApiProperty() bonusCap!: number;
  @ApiProperty({ type: GradesDto }) grades!: GradesDto;
  @ApiProperty() appealWorkingDays!: number;

  static of(scheme: ScoringScheme): SchemeBodyView {
    return {
      weights: { ...scheme.weights },
      deductions: { ...scheme.deductions },
      bonusCap: scheme.bonusCap,
      grades: { ...scheme.grades },
      appealWorkingDays: scheme.appealWorkingDays,
    };
  }
}

export class SchemeView {
  @ApiProperty() planId!: number;
  @ApiProperty() year!: number;
  @ApiProperty({ type: Number, nullable: true, description: '版本号；null 表示尚未保存、使用默认方案' })
  version!: number | null;
  @ApiProperty({ description: '是否为默认方案' }) isDefault!: boolean;
  @ApiProperty({ type: String, nullable: true }) createdBy!: string | null;
  @ApiProperty({ type: String, nullable: true }) createdAt!: string | null;
  @ApiProperty({ type: SchemeBodyView }) scheme!: SchemeBodyView;

  static of(current: CurrentScheme): SchemeView {
    return {
      planId: current.planId,
      year: current.year,
      version: current.version,
      isDefault: current.version === null,
      createdBy: current.createdBy,
      createdAt: iso(current.createdAt),
      scheme: SchemeBodyView.of(current.scheme),
    };
  }
}

export class RunView {
  @ApiProperty() id!: number;
  @ApiProperty() planId!: number;
  @ApiProperty() planTitle!: string;
  @ApiProperty() governmentId!: number;
  @ApiProperty() governmentName!: string;
  @ApiProperty() year!: number;
  @ApiProperty({ enum: RUN_STATUSES, description: 'draft 初评 / released 公示（申诉期）/ published 已发布' })
  status!: string;
  @ApiProperty() statusLabel!: string;
  @ApiProperty({ type: Number, nullable: true, description: '本次计算使用的评分方案版本' })
  schemeVersion!: number | null;
  @ApiProperty({ description: '计算次数' }) revision!: number;
  @ApiProperty({ type: String, nullable: true, description: '数据截止时间（未到期的报送不计入）' })
  computedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) releasedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '申诉截止时间' }) appealDeadline!: string | null;
  @ApiProperty({ type: String, nullable: true }) publishedAt!: string | null;
  @ApiProperty() startedBy!: string;

  static of(context: RunContext): RunView {
    const { run, plan, government } = context;
    return {
      id: run.id,
      planId: run.planId,
      planTitle: plan.title,
      governmentId: government.id,
      governmentName: government.name,
      year: run.year,
      status: run.status,
      statusLabel: RUN_STATUS_LABELS[run.status],
      schemeVersion: run.schemeVersion,
      revision: run.revision,
      computedAt: iso(run.computedAt),
      releasedAt: iso(run.releasedAt),
      appealDeadline: iso(run.appealDeadline),
      publishedAt: iso(run.publishedAt),
      startedBy: run.startedBy,
    };
  }
}

export class AppealCountsView {
  @ApiProperty() pending!: number;
  @ApiProperty() accepted!: number;
  @ApiProperty() rejected!: number;
}

export class RunSummaryView extends RunView {
  @ApiProperty({ description: '参加考核的单位数（含不计分单位）' }) units!: number;
  @ApiProperty({ description: '计分单位数' }) scored!: number;
  @ApiProperty({ type: AppealCountsView }) appeals!: AppealCountsView;
  @ApiProperty({ description: '当前是否受理申诉' }) appealWindowOpen!: boolean;

  static ofSummary(summary: RunSummary): RunSummaryView {
    return {
      ...RunView.of(summary),
      units: summary.units,
      scored: summary.scored,
      appeals: { ...summary.appeals },
      appealWindowOpen: summary.appealWindowOpen,
    };
  }
}

export class ComputeView {
  @ApiProperty() runId!: number;
  @ApiProperty() revision!: number;
  @ApiProperty() schemeVersion!: number;
  @ApiProperty() computedAt!: string;
  @ApiProperty() units!: number;
  @ApiProperty() scored!: number;

  static of(summary: ComputeSummary): ComputeView {
    return { ...summary, computedAt: summary.computedAt.toISOString() };
  }
}

export class StartedRunView extends RunView {
  @ApiProperty({ type: ComputeView }) computation!: ComputeView;
}

export class TraceRefView {
  @ApiProperty({ enum: TRACE_REF_TYPES }) type!: string;
  @ApiProperty() id!: number;
}

export class TraceLineView {
  @ApiProperty({ example: 'timeliness', description: '得分项或扣分项' }) component!: string;
  @ApiProperty({ enum: TRACE_CATEGORIES }) category!: string;
  @ApiProperty({ description: '分值（两位小数）；各行之和等于总分' }) points!: number;
  @ApiProperty() reason!: string;
  @ApiProperty({ type: [TraceRefView], description: '依据的记录：报送、预警、督办、约谈、报告、指标…' })
  refs!: TraceRefView[];

  static of(line: TraceLine): TraceLineView {
    return { ...line, refs: line.refs.map((r) => ({ ...r })) };
  }
}

export class ResultRowView {
  @ApiProperty() id!: number;
  @ApiProperty() runId!: number;
  @ApiProperty() unitId!: number;
  @ApiProperty() unitName!: string;
  @ApiProperty({ enum: RANK_GROUPS }) group!: string;
  @ApiProperty({ example: '市直部门' }) groupLabel!: string;
  @ApiProperty({ type: Number, nullable: true, description: '组内排名，并列同名次；不计分单位为 null' })
  rank!: number | null;
  @ApiProperty({ description: '组内计分单位数' }) groupSize!: number;
  @ApiProperty() version!: number;
  @ApiProperty() isCurrent!: boolean;
  @ApiProperty() scored!: boolean;
  @ApiProperty({ type: String, nullable: true, description: '不计分的原因' }) note!: string | null;
  @ApiProperty({ type: Number, nullable: true }) timeliness!: number | null;
  @ApiProperty({ type: Number, nullable: true }) completion!: number | null;
  @ApiProperty({ type: Number, nullable: true }) reviewQuality!: number | null;
  @ApiProperty({ type: Number, nullable: true }) indicators!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: '扣分合计（≤ 0）' }) deductions!: number | null;
  @ApiProperty({ type: Number, nullable: true }) bonus!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: '办公室调整、申诉调整、更正合计' })
  adjustments!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: '保底（总分不低于 0）补足的分值' }) floor!: number | null;
  @ApiProperty({ type: Number, nullable: true }) total!: number | null;
  @ApiProperty({ enum: GRADES, nullable: true, type: String }) grade!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '良好' }) gradeLabel!: string | null;
  @ApiProperty() schemeVersion!: number;
  @ApiProperty() computedAt!: string;
  @ApiProperty() updatedAt!: string;

  static of(row: ResultRow): ResultRowView {
    const r = row.result;
    return {
      id: r.id,
      runId: r.runId,
      unitId: r.unitId,
      unitName: row.unitName,
      group: r.rankGroup,
      groupLabel: row.groupLabel,
      rank: row.rank,
      groupSize: row.groupSize,
      version: r.version,
      isCurrent: r.isCurrent,
      scored: r.scored,
      note: r.note,
      timeliness: r.timeliness,
      completion: r.completion,
      reviewQuality: r.reviewQuality,
      indicators: r.indicators,
      deductions: r.deductions,
      bonus: r.bonus,
      adjustments: r.adjustments,
      floor: r.floor,
      total: r.total,
      grade: r.grade,
      gradeLabel: r.grade ? GRADE_LABELS[r.grade] : null,
      schemeVersion: r.schemeVersion,
      computedAt: r.computedAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    };
  }
}

export class AppealView {
  @ApiProperty() id!: number;
  @ApiProperty() runId!: number;
  @ApiProperty() unitId!: number;
  @ApiProperty() unitName!: string;
  @ApiProperty({ description: '申诉时的结果编号' }) resultId!: number;
  @ApiProperty() text!: string;
  @ApiProperty({ type: [String] }) attachments!: string[];
  @ApiProperty({ enum: APPEAL_STATUSES }) status!: string;
  @ApiProperty() statusLabel!: string;
  @ApiProperty() filedBy!: number;
  @ApiProperty() filedAt!: string;
  @ApiProperty({ type: String, nullable: true }) decisionReason!: string | null;
  @ApiProperty({ type: Number, nullable: true }) decidedBy!: number | null;
  @ApiProperty({ type: String, nullable: true }) decidedAt!: string | null;
  @ApiProperty({ type: Number, nullable: true }) adjustmentId!: number | null;

  static of(appeal: AssessmentAppeal, unitName: string): AppealView {
    return {
      id: appeal.id,
      runId: appeal.runId,
      unitId: appeal.unitId,
      unitName,
      resultId: appeal.resultId,
      text: appeal.text,
      attachments: appeal.attachments,
      status: appeal.status,
      statusLabel: APPEAL_STATUS_LABELS[appeal.status],
      filedBy: appeal.filedBy,
      filedAt: appeal.filedAt.toISOString(),
      decisionReason: appeal.decisionReason,
      decidedBy: appeal.decidedBy,
      decidedAt: iso(appeal.decidedAt),
      adjustmentId: appeal.adjustmentId,
    };
  }

  static ofRow(row: AppealRow): AppealView {
    return AppealView.of(row.appeal, row.unitName);
  }
}

export class AdjustmentView {
  @ApiProperty() id!: number;
  @ApiProperty({ enum: ['adjustment', 'appeal', 'correction'] }) kind!: string;
  @ApiProperty() points!: number;
  @ApiProperty() reason!: string;
  @ApiProperty({ type: Number, nullable: true }) appealId!: number | null;
  @ApiProperty({ description: '首次计入的结果版本' }) resultVersion!: number;
  @ApiProperty() createdBy!: number;
  @ApiProperty() createdAt!: string;

  static of(a: AssessmentAdjustment): AdjustmentView {
    return {
      id: a.id,
      kind: a.kind,
      points: a.points,
      reason: a.reason,
      appealId: a.appealId,
      resultVersion: a.resultVersion,
      createdBy: a.createdBy,
      createdAt: a.createdAt.toISOString(),
    };
  }
}

export class ResultVersionView {
  @ApiProperty() id!: number;
  @ApiProperty() version!: number;
  @ApiProperty({ type: Number, nullable: true }) total!: number | null;
  @ApiProperty({ type: String, nullable: true }) grade!: string | null;
  @ApiProperty() isCurrent!: boolean;
  @ApiProperty({ type: String, nullable: true }) supersededAt!: string | null;
}

export class TraceRefLabelView {
  @ApiProperty({ enum: TRACE_REF_TYPES }) type!: string;
  @ApiProperty() id!: number;
  @ApiProperty({ example: '2026-10 · 建立建设用地土壤环境监管清单 · 截止 2026年11月3日 18:00，逾期未报' })
  label!: string;
  @ApiProperty({ type: Number, nullable: true, description: '报告（submission）所属的报送，便于链接' })
  obligationId!: number | null;
}

export class ResultDetailView extends ResultRowView {
  @ApiProperty({ type: RunView }) run!: RunView;
  @ApiProperty({ type: [TraceLineView], description: '得分明细：每一分的来由及依据记录' }) trace!: TraceLineView[];
  @ApiProperty({ type: SchemeBodyView, nullable: true, description: '本次计算使用的评分方案' })
  scheme!: SchemeBodyView | null;
  @ApiProperty({ type: [AppealView] }) appeals!: AppealView[];
  @ApiProperty({ type: [AdjustmentView] }) adjustmentRecords!: AdjustmentView[];
  @ApiProperty({ type: [ResultVersionView] }) versions!: ResultVersionView[];
  @ApiProperty({
    type: [TraceRefLabelView],
    description: '明细所依据记录的说明：哪一期报送逾期、哪次预警、哪件督办…（加分、调整、申诉见各行理由）',
  })
  refLabels!: TraceRefLabelView[];

  static ofDetail(detail: ResultDetail, refLabels: readonly TraceRefLabel[]): ResultDetailView {
    return {
      ...ResultRowView.of(detail.row),
      run: RunView.of(detail),
      trace: detail.row.result.trace.map((line) => TraceLineView.of(line)),
      scheme: detail.scheme ? SchemeBodyView.of(detail.scheme) : null,
      appeals: detail.appeals.map((a) => AppealView.of(a, detail.row.unitName)),
      adjustmentRecords: detail.adjustments.map((a) => AdjustmentView.of(a)),
      versions: detail.versions.map((v) => ({
        id: v.id,
        version: v.version,
        total: v.total,
        grade: v.grade,
        isCurrent: v.isCurrent,
        supersededAt: iso(v.supersededAt),
      })),
      refLabels: refLabels.map((ref) => ({ ...ref })),
    };
  }
}

export class RankingGroupView {
  @ApiProperty({ enum: RANK_GROUPS }) group!: string;
  @ApiProperty({ example: '市直部门' }) label!: string;
  @ApiProperty({ type: [ResultRowView] }) rows!: ResultRowView[];

  static of(group: RankingGroup): RankingGroupView {
    return { group: group.group, label: group.label, rows: group.rows.map((r) => ResultRowView.of(r)) };
  }
}

export class BonusView {
  @ApiProperty() id!: number;
  @ApiProperty() planId!: number;
  @ApiProperty() year!: number;
  @ApiProperty() unitId!: number;
  @ApiProperty() unitName!: string;
  @ApiProperty() points!: number;
  @ApiProperty() reason!: string;
  @ApiProperty() createdBy!: number;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ type: String, nullable: true, description: '撤销时间；撤销后不再计分' }) withdrawnAt!: string | null;

  static of(bonus: AssessmentBonus, unitName = ''): BonusView {
    return {
      id: bonus.id,
      planId: bonus.planId,
      year: bonus.year,
      unitId: bonus.unitId,
      unitName,
      points: bonus.points,
      reason: bonus.reason,
      createdBy: bonus.createdBy,
      createdAt: bonus.createdAt.toISOString(),
      withdrawnAt: iso(bonus.withdrawnAt),
    };
  }
}
