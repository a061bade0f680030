import { ApiProperty } from '@nestjs/swagger';
import type { PlanIndicator } from '@app/plans';
import { OBLIGATION_STATUSES, periodLabel, REVIEW_DECISIONS, SUBMISSION_KINDS } from '@app/reporting';
import type {
  DeadlineReceipt,
  ObligationDetail,
  ObligationRow,
  Page,
  ParticipantPart,
  ReportingRules,
  ReviewReceipt,
  ReviewRecord,
  SubmissionReceipt,
  SubmissionVersion,
  TaskCancellationReceipt,
} from '@app/reporting';

const iso = (date: Date | null): string | null => date?.toISOString() ?? null;

export class ObligationView {
  @ApiProperty() id!: number;
  @ApiProperty() planId!: number;
  @ApiProperty() planTitle!: string;
  @ApiProperty() taskId!: number;
  @ApiProperty() taskRef!: string;
  @ApiProperty() taskTitle!: string;
  @ApiProperty() unitId!: number;
  @ApiProperty() unitName!: string;
  @ApiProperty({ enum: ['lead', 'participant', 'local'] }) role!: string;
  @ApiProperty({ example: '2026-05' }) period!: string;
  @ApiProperty({ example: '2026年5月' }) periodLabel!: string;
  @ApiProperty({ description: '截止时间（退回后为新的截止时间）' }) dueAt!: string;
  @ApiProperty({ enum: OBLIGATION_STATUSES }) status!: string;
  @ApiProperty({ description: '退回次数' }) round!: number;
  @ApiProperty({ description: '最近一次报送是否逾期' }) late!: boolean;
  @ApiProperty({ nullable: true, type: String }) submittedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) returnedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) acceptedAt!: string | null;
  @ApiProperty({ nullable: true, type: Number }) currentSubmissionId!: number | null;
  @ApiProperty({ nullable: true, type: String, enum: SUBMISSION_KINDS }) currentKind!: string | null;
  @ApiProperty({ nullable: true, type: Number }) percentComplete!: number | null;

  static of(row: ObligationRow): ObligationView {
    const o = row.obligation;
    return {
      id: o.id,
      planId: o.planId,
      planTitle: row.planTitle,
      taskId: o.taskId,
      taskRef: row.taskRef,
      taskTitle: row.taskTitle,
      unitId: o.unitId,
      unitName: row.unitName,
      role: o.role,
      period: o.period,
      periodLabel: periodLabel(o.period),
      dueAt: o.dueAt.toISOString(),
      status: o.status,
      round: o.round,
      late: o.late,
      submittedAt: iso(o.submittedAt),
      returnedAt: iso(o.returnedAt),
      acceptedAt: iso(o.acceptedAt),
      currentSubmissionId: o.currentSubmissionId,
      currentKind: row.currentKind,
      percentComplete: row.currentPercent,
    };
  }
}

export class ObligationPageView {
  @ApiProperty() total!: number;
  @ApiProperty({ type: [ObligationView] }) items!: ObligationView[];

  static of(page: Page<ObligationRow>): ObligationPageView {
    return { total: page.total, items: page.items.map((row) => ObligationView.of(row)) };
  }
}

export class IndicatorValueView {
  @ApiProperty() indicatorId!: number;
  @ApiProperty() value!: number;
}

export class AttachmentView {
  @ApiProperty() id!: number;
  @ApiProperty() originalName!: string;
  @ApiProperty() contentType!: string;
  @ApiProperty() size!: number;
  @ApiProperty() sha256!: string;
  @ApiProperty({ example: '/api/report-attachments/1' }) url!: string;
}

const attachmentView = (a: Omit<AttachmentView, 'url'>): AttachmentView => ({
  id: a.id,
  originalName: a.originalName,
  contentType: a.contentType,
  size: a.size,
  sha256: a.sha256,
  url: `/api/report-attachments/${a.id}`,
});

export class SubmissionView {
  @ApiProperty() id!: number;
  @ApiProperty() round!: number;
  @ApiProperty({ enum: SUBMISSION_KINDS }) kind!: string;
  @ApiProperty({ nullable: true, type: String }) progressText!: string | null;
  @ApiProperty({ nullable: true, type: Number }) percentComplete!: number | null;
  @ApiProperty({ description: '报送 100% 即声明任务完成' }) declaresComplete!: boolean;
  @ApiProperty() submittedBy!: number;
  @ApiProperty() submittedByName!: string;
  @ApiProperty() submittedAt!: string;
  @ApiProperty() late!: boolean;
  @ApiProperty({ enum: ['pending', 'accepted', 'returned'] }) status!: string;
  @ApiProperty({ type: [IndicatorValueView] }) indicatorValues!: IndicatorValueView[];
  @ApiProperty({ type: [AttachmentView] }) attachments!: AttachmentView[];

  static of(version: SubmissionVersion): SubmissionView {
    const s = version.submission;
    return {
      id: s.id,
      round: s.round,
      kind: s.kind,
      progressText: s.progressText,
      percentComplete: s.percentComplete,
      declaresComplete: s.declaresComplete,
      submittedBy: s.submittedBy,
      submittedByName: version.submittedByName,
      submittedAt: s.submittedAt.toISOString(),
      late: s.late,
      status: s.status,
      indicatorValues: version.indicatorValues.map((v) => ({ indicatorId: v.indicatorId, value: v.value })),
      attachments: version.attachments.map(attachmentView),
    };
  }
}

export class ReviewView {
  @ApiProperty() id!: number;
  @ApiProperty({ nullable: true, type: Number }) submissionId!: number | null;
  @ApiProperty() round!: number;
  @ApiProperty({ enum: REVIEW_DECISIONS }) decision!: string;
  @ApiProperty({ nullable: true, type: Number }) rating!: number | null;
  @ApiProperty({ nullable: true, type: String }) comment!: string | null;
  @ApiProperty() reviewerId!: number;
  @ApiProperty() reviewerName!: string;
  @ApiProperty() reviewerUnitName!: string;
  @ApiProperty() reviewedAt!: string;
  @ApiProperty({ nullable: true, type: String }) newDueAt!: string | null;

  static of(record: ReviewRecord): ReviewView {
    const r = record.review;
    return {
      id: r.id,
      submissionId: r.submissionId,
      round: r.round,
      decision: r.decision,
      rating: r.rating,
      comment: r.comment,
      reviewerId: r.reviewerId,
      reviewerName: record.reviewerName,
      reviewerUnitName: record.reviewerUnitName,
      reviewedAt: r.reviewedAt.toISOString(),
      newDueAt: iso(r.newDueAt),
    };
  }
}

const DIRECTIONS = { '>=': 'higher', '<=': 'lower', '=': 'exact' } as const;

/** An indicator (指标) a report may carry a value for, with what the value is measured against. */
export class ReportIndicatorView {
  @ApiProperty() id!: number;
  @ApiProperty({ example: '受污染耕地安全利用率' }) name!: string;
  @ApiProperty({ enum: ['>=', '<=', '='] }) comparator!: string;
  @ApiProperty({
    enum: ['higher', 'lower', 'exact'],
    description: 'higher 越高越好 / lower 越低越好 / exact 须等于目标',
  })
  direction!: string;
  @ApiProperty({ example: 90 }) target!: number;
  @ApiProperty({ example: '%' }) unit!: string;
  @ApiProperty({ description: '目标为约数（左右）' }) approximate!: boolean;
  @ApiProperty({ nullable: true, type: Number }) baseline!: number | null;
  @ApiProperty({ nullable: true, type: String, example: '2020-12-31' }) targetDate!: string | null;
  @ApiProperty({ example: '受污染耕地安全利用率达到90%左右' }) raw!: string;

  static of(indicator: PlanIndicator): ReportIndicatorView {
    return {
      id: indicator.id,
      name: indicator.name,
      comparator: indicator.comparator,
      direction: DIRECTIONS[indicator.comparator],
      target: indicator.target,
      unit: indicator.unit,
      approximate: indicator.approximate,
      baseline: indicator.baseline,
      targetDate: indicator.targetDate,
      raw: indicator.raw,
    };
  }
}

export class ObligationDetailView extends ObligationView {
  @ApiProperty({
    type: [ReportIndicatorView],
    description: '本报送可填写的指标：本单位负责的、本任务的和全计划的指标',
  })
  indicators!: ReportIndicatorView[];
  @ApiProperty({ type: [SubmissionView], description: '历次报送版本，按轮次排列' }) versions!: SubmissionView[];
  @ApiProperty({ type: [ReviewView] }) reviews!: ReviewView[];
  @ApiProperty({ description: '当前用户能否报送' }) canSubmit!: boolean;
  @ApiProperty({ nullable: true, type: String, enum: ['office', 'lead'], description: '当前用户以何种身份审核' })
  reviewer!: string | null;

  static ofDetail(detail: ObligationDetail): ObligationDetailView {
    return {
      ...ObligationView.of(detail.row),
      indicators: detail.indicators.map((indicator) => ReportIndicatorView.of(indicator)),
      versions: detail.versions.map((v) => SubmissionView.of(v)),
      reviews: detail.reviews.map((r) => ReviewView.of(r)),
      canSubmit: detail.canSubmit,
      reviewer: detail.reviewer,
    };
  }
}

export class ParticipantPartView {
  @ApiProperty({ type: ObligationView }) obligation!: ObligationView;
  @ApiProperty({ type: SubmissionView, nullable: true }) current!: SubmissionView | null;

  static of(part: ParticipantPart): ParticipantPartView {
    return { obligation: ObligationView.of(part.row), current: part.current ? SubmissionView.of(part.current) : null };
  }
}

export class ReceiptAttachmentView {
  @ApiProperty() id!: number;
  @ApiProperty() originalName!: string;
  @ApiProperty() contentType!: string;
  @ApiProperty() size!: number;
  @ApiProperty() sha256!: string;
}

export class SubmissionReceiptView {
  @ApiProperty() obligationId!: number;
  @ApiProperty() submissionId!: number;
  @ApiProperty() period!: string;
  @ApiProperty() round!: number;
  @ApiProperty({ enum: SUBMISSION_KINDS }) kind!: string;
  @ApiProperty({ nullable: true, type: Number }) percentComplete!: number | null;
  @ApiProperty({ enum: OBLIGATION_STATUSES }) status!: string;
  @ApiProperty() submittedAt!: string;
  @ApiProperty() dueAt!: string;
  @ApiProperty({ description: '晚于截止时间报送；仍计入所报周期' }) late!: boolean;
  @ApiProperty({ type: [ReceiptAttachmentView] }) attachments!: ReceiptAttachmentView[];

  static of(receipt: SubmissionReceipt): SubmissionReceiptView {
    return { ...receipt, attachments: receipt.attachments.map((a) => ({ ...a })) };
  }
}

export class ReviewReceiptView {
  @ApiProperty() obligationId!: number;
  @ApiProperty() reviewId!: number;
  @ApiProperty({ enum: REVIEW_DECISIONS }) decision!: string;
  @ApiProperty({ enum: OBLIGATION_STATUSES }) status!: string;
  @ApiProperty() round!: number;
  @ApiProperty({ description: '截止时间（退回后为新的截止时间）' }) dueAt!: string;
  @ApiProperty({ nullable: true, type: Number }) rating!: number | null;
  @ApiProperty({ nullable: true, type: String }) comment!: string | null;
  @ApiProperty() reviewedAt!: string;
  @ApiProperty({ description: '通过的报送使一次性任务完成' }) taskCompleted!: boolean;

  static of(receipt: ReviewReceipt): ReviewReceiptView {
    return { ...receipt, dueAt: receipt.dueAt.toISOString(), reviewedAt: receipt.reviewedAt.toISOString() };
  }
}

export class DeadlineReceiptView {
  @ApiProperty() obligationId!: number;
  @ApiProperty({ enum: OBLIGATION_STATUSES }) status!: string;
  @ApiProperty() round!: number;
  @ApiProperty({ description: '原截止时间' }) previousDueAt!: string;
  @ApiProperty({ description: '新的截止时间' }) dueAt!: string;
  @ApiProperty() reason!: string;
  @ApiProperty() changedAt!: string;

  static of(receipt: DeadlineReceipt): DeadlineReceiptView {
    return {
      ...receipt,
      previousDueAt: receipt.previousDueAt.toISOString(),
      dueAt: receipt.dueAt.toISOString(),
      changedAt: receipt.changedAt.toISOString(),
    };
  }
}

export class TaskCancellationView {
  @ApiProperty() taskId!: number;
  @ApiProperty() planId!: number;
  @ApiProperty() reason!: string;
  @ApiProperty() cancelledAt!: string;
  @ApiProperty({ type: [Number], description: '随任务撤销的报送义务（待报送、已退回、待审核的）' })
  cancelledObligationIds!: number[];

  static of(receipt: TaskCancellationReceipt): TaskCancellationView {
    return { ...receipt, cancelledAt: receipt.cancelledAt.toISOString() };
  }
}

export class ReportingSettingsView {
  @ApiProperty() planId!: number;
  @ApiProperty() leadDueDay!: number;
  @ApiProperty() participantDueDay!: number;
  @ApiProperty() returnWorkingDays!: number;

  static of(planId: number, rules: ReportingRules): ReportingSettingsView {
    return { planId, ...rules };
  }
}
