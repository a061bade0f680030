import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditService } from '@app/audit';
import { Actor, Clock, DomainError, describeActor, formatShanghai } from '@app/core';
import { AccessScope, scopeCovers, Unit } from '@app/org';
import { attachmentRefs, optionalText, requireDate, requireText } from '../common/input';
import { findForUpdate, isDuplicateKey } from '../common/persistence';
import { governmentOver, requireUnit, whereUnitInScope } from '../common/jurisdiction';
import { SupervisionCase } from '../cases/supervision-case.entity';
import { SupervisionEvent } from '../events/supervision-event.entity';
import { recordSupervisionEvent, supervisionEvents } from '../events/supervision-events';
import { SupervisionHooks, type InterviewEnd } from '../supervision-hooks';
import { Interview, InterviewStatus } from './interview.entity';
import { InterviewAction, nextInterviewStatus } from './interview-transitions';

export interface ScheduleInterviewInput {
  unitId: number;
  /** The supervision case that led to the interview, if any; it must be the same unit's. */
  caseId?: number | null;
  reason: string;
  /** Who is called in; defaults to the unit's head as recorded on the unit (`principalHeadOf`). */
  principalHead?: string | null;
  /** When the interview starts. */
  time: Date;
  /** Defaults to one hour after `time`. */
  endsAt?: Date | null;
  place: string;
  /** 参加人员, as names or titles. */
  attendees: readonly string[];
  /** 整改落实期限. */
  followUpDueAt: Date;
  scheduledBy: Actor;
  /** The engine's step key (`notice:supervision:{caseId}:interview`): scheduling twice returns the first. */
  dedupKey?: string | null;
  /** The numbering/acting office when there is no case (a supervisor's government). */
  governmentId?: number | null;
  /** The jurisdiction of a person scheduling by hand. */
  scope?: AccessScope;
}

export interface RescheduleInterviewInput {
  /** The new start, in the future. */
  time: Date;
  /** Defaults to the current length of the interview after `time`. */
  endsAt?: Date | null;
  place: string;
  /** Defaults to the current one, moved by as much as the start when the new start would pass it. */
  followUpDueAt?: Date | null;
  reason?: string | null;
  actor: Actor;
}

export interface RescheduledInterview {
  interview: Interview;
  /** Which appointment this is: 1 for the first, + 1 per move (its invite's SEQUENCE is one less). */
  appointment: number;
}

export interface InterviewFilter {
  status?: InterviewStatus;
  unitId?: number;
  caseId?: number;
  limit?: number;
}

export interface InterviewSummary {
  interview: Interview;
  unitName: string;
}

export interface InterviewDetail extends InterviewSummary {
  events: SupervisionEvent[];
}

const DEFAULT_LENGTH_MS = 60 * 60_000;

/** The transitions the workflow engine follows; a follow-up report changes nothing it waits for. */
const CHANGE_OF: Partial<Record<InterviewAction, InterviewEnd>> = {
  record_minutes: 'interviewHeld',
  close: 'interviewClosed',
  cancel: 'interviewCancelled',
};
const MAX_ATTENDEES = 30;

/**
 * The unit's principal head (主要负责人) as a notice names them: `张三（市农业农村局局长）`. A head name written in
 * full-width parentheses is a placeholder (the demo data's `（农业农村局局长）`), so the title stands alone.
 */
export function principalHeadOf(unit: Pick<Unit, 'shortName' | 'headName' | 'headTitle'>): string {
  const name = unit.headName?.trim();
  const title = `${unit.shortName}${unit.headTitle?.trim() || '主要负责人'}`;
  return !name || /^（.*）$/.test(name) ? title : `${name}（${title}）`;
}

/** 约谈: scheduled by the engine when a case's rectification deadline passes, or by hand by a supervisor. */
@Injectable()
export class InterviewsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly hooks: SupervisionHooks,
  ) {}

  async schedule(em: EntityManager, input: ScheduleInterviewInput): Promise<Interview> {
    const dedupKey = input.dedupKey?.trim() ? requireText('dedupKey', input.dedupKey, 200) : null;
    if (dedupKey) {
      const existing = await em.findOneBy(Interview, { dedupKey });
      if (existing) {
        return existing;
      }
    }
    const unit = await requireUnit(em, 'unitId', input.unitId);
    const supervisionCase = input.caseId ? await em.findOneBy(SupervisionCase, { id: input.caseId }) : null;
    if (input.caseId && supervisionCase?.unitId !== unit.id) {
      throw DomainError.invalid('caseId', supervisionCase ? '督办事项不属于该单位' : `督办事项不存在：${input.caseId}`);
    }
    const government = await governmentOver(em, unit, supervisionCase?.governmentId ?? input.governmentId);
    if (input.scope && !scopeCovers(input.scope, government)) {
      throw new DomainError('FORBIDDEN', `${government.name}的约谈不在您的管辖范围内`, {
        governmentId: ['不在您的管辖范围内'],
      });
    }
    const now = this.clock.now();
    const startsAt = requireDate('time', input.time);
    const endsAt = input.endsAt
      ? requireDate('endsAt', input.endsAt)
      : new Date(startsAt.getTime() + DEFAULT_LENGTH_MS);
    const followUpDueAt = requireDate('followUpDueAt', input.followUpDueAt);
    if (input.scheduledBy.kind === 'user' && startsAt <= now) {
      throw DomainError.invalid('time', '约谈时间必须晚于当前时间');
    }
    if (endsAt <= startsAt) {
      throw DomainError.invalid('endsAt', '结束时间必须晚于约谈时间');
    }
    if (followUpDueAt <= startsAt) {
      throw DomainError.invalid('followUpDueAt', '整改落实期限必须晚于约谈时间');
    }
    const attendees = (input.attendees ?? []).map((name) => name.trim());
    if (attendees.length === 0 || attendees.length > MAX_ATTENDEES || attendees.some((a) => !a || a.length > 100)) {
      throw DomainError.invalid('attendees', `须列出 1–${MAX_ATTENDEES} 名参加人员，每项不超过 100 个字符`);
    }
    const interview = em.create(Interview, {
      governmentId: government.id,
      unitId: unit.id,
      caseId: supervisionCase?.id ?? null,
      reason: requireText('reason', input.reason, 2000),
      principalHead: input.principalHead?.trim()
        ? requireText('principalHead', input.principalHead, 100)
        : principalHeadOf(unit),
      startsAt,
      endsAt,
      place: requireText('place', input.place, 200),
      attendees,
      followUpDueAt,
      status: 'scheduled',
      minutes: null,
      scheduledBy: describeActor(input.scheduledBy),
      dedupKey,
      createdAt: now,
      updatedAt: now,
    });
    try {
      await em.insert(Interview, interview);
    } catch (error) {
      if (isDuplicateKey(error)) {
        throw new DomainError('CONFLICT', `该约谈正在由另一事务安排：${dedupKey ?? ''}`);
      }
      throw error;
    }
    await recordSupervisionEvent(em, {
      subject: 'interview',
      subjectId: interview.id,
      action: 'schedule',
      fromStatus: null,
      toStatus: 'scheduled',
      text: interview.reason,
      actor: input.scheduledBy,
      at: now,
    });
    await this.audit.record(em, {
      actor: input.scheduledBy,
      action: 'interview.schedule',
      entityType: 'interview',
      entityId: interview.id,
      unitId: unit.id,
      after: {
        caseId: interview.caseId,
        principalHead: interview.principalHead,
        startsAt: startsAt.toISOString(),
        endsAt: endsAt.toISOString(),
        place: interview.place,
        attendees,
        followUpDueAt: followUpDueAt.toISOString(),
        reason: interview.reason,
      },
    });
    await this.hooks.emit(em, { kind: 'interviewScheduled', interview });
    return interview;
  }

  /**
   * 调整约谈时间地点: a new appointment for an interview not yet held. The caller sends the new invitation (the same
   * calendar event, a higher SEQUENCE) and moves the reminder.
   */
  async reschedule(em: EntityManager, id: number, input: RescheduleInterviewInput): Promise<RescheduledInterview> {
    const startsAt = requireDate('time', input.time);
    const place = requireText('place', input.place, 200);
    const note = optionalText('reason', input.reason, 2000);
    const interview = await findForUpdate(em, Interview, { id });
    if (!interview) {
      throw DomainError.notFound('约谈', id);
    }
    const from = interview.status;
    const to = nextInterviewStatus(from, 'reschedule');
    const now = this.clock.now();
    if (startsAt <= now) {
      throw DomainError.invalid('time', '约谈时间必须晚于当前时间');
    }
    const length = interview.endsAt.getTime() - interview.startsAt.getTime();
    const endsAt = input.endsAt ? requireDate('endsAt', input.endsAt) : new Date(startsAt.getTime() + length);
    if (endsAt <= startsAt) {
      throw DomainError.invalid('endsAt', '结束时间必须晚于约谈时间');
    }
    const moved = startsAt.getTime() - interview.startsAt.getTime();
    const followUpDueAt = input.followUpDueAt
      ? requireDate('followUpDueAt', input.followUpDueAt)
      : interview.followUpDueAt > startsAt
        ? interview.followUpDueAt
        : new Date(interview.followUpDueAt.getTime() + Math.max(0, moved));
    if (followUpDueAt <= startsAt) {
      throw DomainError.invalid('followUpDueAt', '整改落实期限必须晚于约谈时间');
    }
    const before = {
      startsAt: interview.startsAt.toISOString(),
      endsAt: interview.endsAt.toISOString(),
      place: interview.place,
    };
    Object.assign(interview, { status: to, startsAt, endsAt, place, followUpDueAt, updatedAt: now });
    await em.save(Interview, interview);
    const text = `约谈时间调整为 ${formatShanghai(startsAt)}，地点：${place}${note ? `。${note}` : ''}`;
    await recordSupervisionEvent(em, {
      subject: 'interview',
      subjectId: id,
      action: 'reschedule',
      fromStatus: from,
      toStatus: to,
      text,
      actor: input.actor,
      at: now,
    });
    await this.audit.record(em, {
      actor: input.actor,
      action: 'interview.reschedule',
      entityType: 'interview',
      entityId: id,
      unitId: interview.unitId,
      before: { status: from, ...before },
      after: {
        status: to,
        startsAt: startsAt.toISOString(),
        endsAt: endsAt.toISOString(),
        place,
        followUpDueAt: followUpDueAt.toISOString(),
        reason: note ?? undefined,
      },
    });
    const appointment = await this.appointmentOf(em, id);
    await this.hooks.emit(em, { kind: 'interviewRescheduled', interview, appointment });
    return { interview, appointment };
  }

  /** The interview's current appointment: 1 for the first, + 1 per move. */
  async appointmentOf(em: EntityManager, id: number): Promise<number> {
    const moves = await em.countBy(SupervisionEvent, { subject: 'interview', subjectId: id, action: 'reschedule' });
    return moves + 1;
  }

  /** 约谈纪要: marks the interview as held. */
  recordMinutes(em: EntityManager, actor: Actor, id: number, minutes: string): Promise<Interview> {
    const text = requireText('minutes', minutes, 20000);
    return this.transition(em, actor, id, 'record_minutes', { text }, (interview) => {
      interview.minutes = text;
    });
  }

  /** 整改落实情况, reported by the unit after the interview. */
  reportFollowUp(
    em: EntityManager,
    actor: Actor,
    id: number,
    input: { text: string; attachments?: readonly string[] },
  ): Promise<Interview> {
    return this.transition(em, actor, id, 'report_follow_up', {
      text: requireText('text', input.text, 5000),
      attachments: attachmentRefs('attachments', input.attachments),
    });
  }

  close(em: EntityManager, actor: Actor, id: number, comment?: string | null): Promise<Interview> {
    return this.transition(em, actor, id, 'close', { text: optionalText('comment', comment, 2000) });
  }

  cancel(em: EntityManager, actor: Actor, id: number, reason: string): Promise<Interview> {
    return this.transition(em, actor, id, 'cancel', { text: requireText('reason', reason, 2000) });
  }

  async list(scope: AccessScope, filter: InterviewFilter = {}): Promise<InterviewSummary[]> {
    const qb = whereUnitInScope(this.dataSource.getRepository(Interview).createQueryBuilder('i'), 'i', scope)
      .orderBy('i.startsAt', 'DESC')
      .addOrderBy('i.id', 'DESC')
      .take(filter.limit ?? 200);
    if (filter.status) {
      qb.andWhere('i.status = :status', { status: filter.status });
    }
    if (filter.unitId) {
      qb.andWhere('i.unit_id = :unitId', { unitId: filter.unitId });
    }
    if (filter.caseId) {
      qb.andWhere('i.case_id = :caseId', { caseId: filter.caseId });
    }
    const interviews = await qb.getMany();
    const names = await this.unitNames(interviews.map((i) => i.unitId));
    return interviews.map((interview) => ({ interview, unitName: names.get(interview.unitId) ?? '' }));
  }

  async detail(id: number): Promise<InterviewDetail> {
    const em = this.dataSource.manager;
    const interview = await em.findOneBy(Interview, { id });
    if (!interview) {
      throw DomainError.notFound('约谈', id);
    }
    const [events, names] = await Promise.all([
      supervisionEvents(em, 'interview', id),
      this.unitNames([interview.unitId]),
    ]);
    return { interview, unitName: names.get(interview.unitId) ?? '', events };
  }

  private async transition(
    em: EntityManager,
    actor: Actor,
    id: number,
    action: InterviewAction,
    details: { text?: string | null; attachments?: string[] },
    apply?: (interview: Interview) => void,
  ): Promise<Interview> {
    const interview = await findForUpdate(em, Interview, { id });
    if (!interview) {
      throw DomainError.notFound('约谈', id);
    }
    const from = interview.status;
    const to = nextInterviewStatus(from, action);
    const now = this.clock.now();
    interview.status = to;
    interview.updatedAt = now;
    apply?.(interview);
    await em.save(Interview, interview);
    await recordSupervisionEvent(em, {
      subject: 'interview',
      subjectId: id,
      action,
      fromStatus: from,
      toStatus: to,
      text: details.text,
      attachments: details.attachments,
      actor,
      at: now,
    });
    await this.audit.record(em, {
      actor,
      action: `interview.${action}`,
      entityType: 'interview',
      entityId: id,
      unitId: interview.unitId,
      before: { status: from },
      after: { status: to, text: details.text ?? undefined, attachments: details.attachments },
    });
    const change = CHANGE_OF[action];
    if (change !== undefined) {
      await this.hooks.emit(em, { kind: change, interview });
    }
    return interview;
  }

  private async unitNames(ids: number[]): Promise<Map<number, string>> {
    const unique = [...new Set(ids)];
    const units = unique.length === 0 ? [] : await this.dataSource.getRepository(Unit).findBy({ id: In(unique) });
    return new Map(units.map((unit) => [unit.id, unit.name]));
  }
}
