import { ApiProperty } from '@nestjs/swagger';
import {
  CASE_STATUS_LABELS,
  CASE_STATUSES,
  circularNumber,
  INTERVIEW_STATUS_LABELS,
  INTERVIEW_STATUSES,
  WARNING_KINDS,
} from '@app/supervision';
import type {
  CaseDetail,
  CaseSummary,
  Circular,
  InterviewDetail,
  InterviewSummary,
  SupervisionEvent,
  Warning,
} from '@app/supervision';
import type { CalendarCorrectionEntry, OfficeNoticeYear } from '@app/workflows';

const iso = (date: Date | null): string | null => date?.toISOString() ?? null;

export class WarningView {
  @ApiProperty() id!: number;
  @ApiProperty({ enum: WARNING_KINDS, description: 'yellow 黄色预警 / red 红色预警 / progress_lag 进度滞后预警' })
  kind!: string;
  @ApiProperty() unitId!: number;
  @ApiProperty() planId!: number;
  @ApiProperty({ nullable: true, type: Number }) taskId!: number | null;
  @ApiProperty({ nullable: true, type: Number }) obligationId!: number | null;
  @ApiProperty() reason!: string;
  @ApiProperty() issuedAt!: string;
  @ApiProperty() issuedBy!: string;

  static of(warning: Warning): WarningView {
    return {
      id: warning.id,
      kind: warning.kind,
      unitId: warning.unitId,
      planId: warning.planId,
      taskId: warning.taskId,
      obligationId: warning.obligationId,
      reason: warning.reason,
      issuedAt: warning.issuedAt.toISOString(),
      issuedBy: warning.issuedBy,
    };
  }
}

export class SupervisionEventView {
  @ApiProperty() id!: number;
  @ApiProperty({ example: 'report_rectification' }) action!: string;
  @ApiProperty({ nullable: true, type: String }) fromStatus!: string | null;
  @ApiProperty() toStatus!: string;
  @ApiProperty({ nullable: true, type: String }) text!: string | null;
  @ApiProperty({ type: [String] }) attachments!: string[];
  @ApiProperty({ example: 'user:liaison' }) actor!: string;
  @ApiProperty() at!: string;

  static of(event: SupervisionEvent): SupervisionEventView {
    return {
      id: event.id,
      action: event.action,
      fromStatus: event.fromStatus,
      toStatus: event.toStatus,
      text: event.text,
      attachments: event.attachments ?? [],
      actor: event.actor,
      at: event.at.toISOString(),
    };
  }
}

export class CaseView {
  @ApiProperty() id!: number;
  @ApiProperty({ example: '督办〔2026〕1号' }) number!: string;
  @ApiProperty() year!: number;
  @ApiProperty({ description: '当年序号' }) sequence!: number;
  @ApiProperty() governmentId!: number;
  @ApiProperty() unitId!: number;
  @ApiProperty() unitName!: string;
  @ApiProperty({ nullable: true, type: Number }) planId!: number | null;
  @ApiProperty() reason!: string;
  @ApiProperty({ enum: CASE_STATUSES }) status!: string;
  @ApiProperty({ example: '整改中' }) statusLabel!: string;
  @ApiProperty() rectificationDueAt!: string;
  @ApiProperty() openedAt!: string;
  @ApiProperty() openedBy!: string;
  @ApiProperty({ nullable: true, type: String }) acknowledgedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) closedAt!: string | null;

  static of(summary: CaseSummary): CaseView {
    const c = summary.supervisionCase;
    return {
      id: c.id,
      number: summary.caseNumber,
      year: c.year,
      sequence: c.number,
      governmentId: c.governmentId,
      unitId: c.unitId,
      unitName: summary.unitName,
      planId: c.planId,
      reason: c.reason,
      status: c.status,
      statusLabel: CASE_STATUS_LABELS[c.status],
      rectificationDueAt: c.rectificationDueAt.toISOString(),
      openedAt: c.openedAt.toISOString(),
      openedBy: c.openedBy,
      acknowledgedAt: iso(c.acknowledgedAt),
      closedAt: iso(c.closedAt),
    };
  }
}

export class CaseInterviewRefView {
  @ApiProperty() id!: number;
  @ApiProperty({ enum: INTERVIEW_STATUSES }) status!: string;
  @ApiProperty() startsAt!: string;
}

export class CaseDetailView extends CaseView {
  @ApiProperty({ type: [Number] }) taskIds!: number[];
  @ApiProperty({ type: [Number] }) obligationIds!: number[];
  @ApiProperty({ type: [SupervisionEventView], description: '签收、整改报送、销号申请、核查等过程' })
  events!: SupervisionEventView[];
  @ApiProperty({ type: [CaseInterviewRefView] }) interviews!: CaseInterviewRefView[];

  static ofDetail(detail: CaseDetail): CaseDetailView {
    return {
      ...CaseView.of(detail),
      taskIds: detail.links.filter((l) => l.kind === 'task').map((l) => l.refId),
      obligationIds: detail.links.filter((l) => l.kind === 'obligation').map((l) => l.refId),
      events: detail.events.map((e) => SupervisionEventView.of(e)),
      interviews: detail.interviews.map((i) => ({ id: i.id, status: i.status, startsAt: i.startsAt.toISOString() })),
    };
  }
}

export class InterviewView {
  @ApiProperty() id!: number;
  @ApiProperty() governmentId!: number;
  @ApiProperty() unitId!: number;
  @ApiProperty() unitName!: string;
  @ApiProperty({ nullable: true, type: Number }) caseId!: number | null;
  @ApiProperty() reason!: string;
  @ApiProperty({ description: '被约谈人' }) principalHead!: string;
  @ApiProperty() startsAt!: string;
  @ApiProperty() endsAt!: string;
  @ApiProperty() place!: string;
  @ApiProperty({ type: [String] }) attendees!: string[];
  @ApiProperty() followUpDueAt!: string;
  @ApiProperty({ enum: INTERVIEW_STATUSES }) status!: string;
  @ApiProperty({ example: '已约谈' }) statusLabel!: string;
  @ApiProperty({ nullable: true, type: String }) minutes!: string | null;
  @ApiProperty() scheduledBy!: string;
  @ApiProperty() createdAt!: string;

  static of(summary: InterviewSummary): InterviewView {
    const i = summary.interview;
    return {
      id: i.id,
      governmentId: i.governmentId,
      unitId: i.unitId,
      unitName: summary.unitName,
      caseId: i.caseId,
      reason: i.reason,
      principalHead: i.principalHead,
      startsAt: i.startsAt.toISOString(),
      endsAt: i.endsAt.toISOString(),
      place: i.place,
      attendees: i.attendees,
      followUpDueAt: i.followUpDueAt.toISOString(),
      status: i.status,
      statusLabel: INTERVIEW_STATUS_LABELS[i.status],
      minutes: i.minutes,
      scheduledBy: i.scheduledBy,
      createdAt: i.createdAt.toISOString(),
    };
  }
}

export class InterviewDetailView extends InterviewView {
  @ApiProperty({ type: [SupervisionEventView] }) events!: SupervisionEventView[];

  static ofDetail(detail: InterviewDetail): InterviewDetailView {
    return { ...InterviewView.of(detail), events: detail.events.map((e) => SupervisionEventView.of(e)) };
  }
}

export class CircularItemView {
  @ApiProperty({ required: false }) taskId?: number;
  @ApiProperty({ required: false }) obligationId?: number;
  @ApiProperty() taskTitle!: string;
  @ApiProperty() dueAt!: string;
  @ApiProperty() overdueWorkingDays!: number;
  @ApiProperty({ enum: ['none', 'yellow', 'red', 'supervision', 'interview'] }) status!: string;
}

export class CircularUnitView {
  @ApiProperty() unitId!: number;
  @ApiProperty() unitName!: string;
  @ApiProperty() overdueCount!: number;
  @ApiProperty({ type: [CircularItemView] }) items!: CircularItemView[];
}

export class CircularView {
  @ApiProperty() id!: number;
  @ApiProperty({ example: '通报〔2026〕1号' }) number!: string;
  @ApiProperty() year!: number;
  @ApiProperty() sequence!: number;
  @ApiProperty() governmentId!: number;
  @ApiProperty({ example: '2026-01' }) period!: string;
  @ApiProperty() unitCount!: number;
  @ApiProperty() itemCount!: number;
  @ApiProperty({ type: [CircularUnitView] }) units!: CircularUnitView[];
  @ApiProperty() publishedAt!: string;
  @ApiProperty() publishedBy!: string;

  static of(circular: Circular): CircularView {
    return {
      id: circular.id,
      number: circularNumber(circular.year, circular.number),
      year: circular.year,
      sequence: circular.number,
      governmentId: circular.governmentId,
      period: circular.period,
      unitCount: circular.body.unitCount,
      itemCount: circular.body.itemCount,
      units: circular.body.units,
      publishedAt: circular.publishedAt.toISOString(),
      publishedBy: circular.publishedBy,
    };
  }
}

export class CalendarYearView {
  @ApiProperty() year!: number;
  @ApiProperty({
    enum: ['package', 'office_notice', 'statutory_fallback'],
    description: 'package：节假日数据包；office_notice：办公室已录入国务院通知；statutory_fallback：按法定节日推算',
  })
  source!: string;
  @ApiProperty({ description: '暂定：该年的国务院放假通知尚未录入，请办公室录入' }) provisional!: boolean;
  @ApiProperty({ description: '办公室已标记录入该年通知' }) officeNoticeEntered!: boolean;
  @ApiProperty({ description: '该年的更正条数' }) corrections!: number;
}

export class CalendarCorrectionView {
  @ApiProperty() id!: number;
  @ApiProperty({ example: '2027-01-01' }) date!: string;
  @ApiProperty({ enum: ['holiday', 'workday'] }) kind!: string;
  @ApiProperty() note!: string;
  @ApiProperty() createdBy!: string;
  @ApiProperty() createdAt!: string;

  static of(row: CalendarCorrectionEntry): CalendarCorrectionView {
    return {
      id: row.id,
      date: row.date,
      kind: row.kind,
      note: row.note,
      createdBy: row.createdBy,
      createdAt: row.createdAt.toISOString(),
    };
  }
}

export class NoticeYearView {
  @ApiProperty() year!: number;
  @ApiProperty() note!: string;
  @ApiProperty() createdBy!: string;
  @ApiProperty() createdAt!: string;

  static of(row: OfficeNoticeYear): NoticeYearView {
    return { year: row.year, note: row.note, createdBy: row.createdBy, createdAt: row.createdAt.toISOString() };
  }
}
