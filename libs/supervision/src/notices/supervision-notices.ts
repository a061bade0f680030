import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@app/config';
import { Clock } from '@app/core';
import {
  buildInterviewInvite,
  EmailOutbox,
  InboxService,
  interviewInviteAttachment,
  interviewNoticeEmail,
  interviewReminderEmail,
  supervisionNoticeEmail,
  formatChineseDateTime,
} from '@app/notify';
import { Unit } from '@app/org';
import { findPlanHeader, Plan, Task } from '@app/plans';
import { noticeDedupKey, recipientDedupKey } from '@app/workflows';
import { SupervisionCase, SupervisionCaseLink } from '../cases/supervision-case.entity';
import { caseNumberOf } from '../cases/supervision-cases.service';
import { Interview } from '../interviews/interview.entity';
import { RecipientDirectory } from '../recipients/recipient-directory';

export interface NoticeResult {
  inbox: number;
  emails: number;
}

export interface InterviewNoticeOptions {
  /**
   * `interview`: the summons with the first appointment (the ladder's step, or an interview arranged by hand);
   * `interview_invite`: a new appointment for the same interview (the office moved it).
   */
  kind?: 'interview' | 'interview_invite';
  /** The invite's SEQUENCE: 0 for the first appointment, + 1 per move, so calendars update the same event. */
  sequence?: number;
}

/**
 * The notices of a case and of an interview: an inbox message to every recipient and, for those with an address,
 * an email through the outbox (the interview's with its invite.ics). Written in the caller's transaction and
 * keyed per recipient, so a retried step sends nothing twice. The engine passes its own step key; a case or an
 * interview opened by hand uses `notice:supervision:{id}:supervision_case` / `notice:interview:{id}:interview`.
 */
@Injectable()
export class SupervisionNotices {
  constructor(
    private readonly recipients: RecipientDirectory,
    private readonly inbox: InboxService,
    private readonly outbox: EmailOutbox,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async caseOpened(em: EntityManager, supervisionCase: SupervisionCase, stepKey?: string): Promise<NoticeResult> {
    const key = stepKey ?? noticeDedupKey(`supervision:${supervisionCase.id}`, 'supervision_case');
    const unit = await em.findOneByOrFail(Unit, { id: supervisionCase.unitId });
    const plan = supervisionCase.planId ? await findPlanHeader(em, supervisionCase.planId) : null;
    const taskLink = await em.findOne(SupervisionCaseLink, {
      where: { caseId: supervisionCase.id, kind: 'task' },
      order: { id: 'ASC' },
    });
    const task = taskLink ? await em.findOneBy(Task, { id: taskLink.refId }) : null;
    const caseNumber = caseNumberOf(supervisionCase);
    const path = `/supervision-cases/${supervisionCase.id}`;
    const email = supervisionNoticeEmail({
      unitName: unit.name,
      caseYear: supervisionCase.year,
      caseNumber: supervisionCase.number,
      taskTitle: task?.title ?? plan?.title ?? '有关工作',
      reason: supervisionCase.reason,
      rectificationDueAt: supervisionCase.rectificationDueAt,
      path,
      officeName: await this.officeName(em, supervisionCase.governmentId, plan),
      issuedAt: this.clock.now(),
      publicUrl: this.config.publicUrl,
    });
    const result: NoticeResult = { inbox: 0, emails: 0 };
    for (const { user } of await this.recipients.forStep(em, 'supervision_case', unit, supervisionCase.governmentId)) {
      const userKey = recipientDedupKey(key, `user:${user.id}`);
      result.inbox += Number(
        await this.inbox.deliver(em, {
          userId: user.id,
          kind: 'supervision_case',
          title: `【挂牌督办】${caseNumber} ${unit.shortName}`,
          body: `${supervisionCase.reason}。整改期限：${formatChineseDateTime(supervisionCase.rectificationDueAt)}前。`,
          link: path,
          dedupKey: userKey,
        }),
      );
      if (user.email) {
        result.emails += Number(await this.outbox.enqueue(em, { ...email, to: user.email, dedupKey: userKey }));
      }
    }
    return result;
  }

  async interviewScheduled(
    em: EntityManager,
    interview: Interview,
    stepKey?: string,
    options: InterviewNoticeOptions = {},
  ): Promise<NoticeResult> {
    const key = stepKey ?? noticeDedupKey(`interview:${interview.id}`, 'interview');
    const kind = options.kind ?? 'interview';
    const unit = await em.findOneByOrFail(Unit, { id: interview.unitId });
    const officeName = await this.officeName(em, interview.governmentId, null);
    const path = `/interviews/${interview.id}`;
    const now = this.clock.now();
    const email = interviewNoticeEmail({
      unitName: unit.name,
      intervieweeName: interview.principalHead,
      startsAt: interview.startsAt,
      endsAt: interview.endsAt,
      place: interview.place,
      attendees: interview.attendees,
      reason: interview.reason,
      inviteAttached: true,
      path,
      officeName,
      issuedAt: now,
      publicUrl: this.config.publicUrl,
    });
    const recipients = await this.recipients.forStep(em, 'interview', unit, interview.governmentId);
    const withEmail = recipients.flatMap(({ user }) => (user.email ? [{ user, email: user.email }] : []));
    const ics = buildInterviewInvite({
      uid: `interview-${interview.id}@${new URL(this.config.publicUrl).hostname}`,
      sequence: options.sequence ?? 0,
      stamp: now,
      start: interview.startsAt,
      end: interview.endsAt,
      location: interview.place,
      summary: `约谈${unit.shortName}主要负责同志`,
      description: interview.reason,
      organizer: { name: officeName, email: addressOf(this.config.mailFrom) },
      attendees: withEmail.map(({ user, email: address }) => ({ name: user.displayName, email: address })),
    });
    const result: NoticeResult = { inbox: 0, emails: 0 };
    for (const { user } of recipients) {
      const userKey = recipientDedupKey(key, `user:${user.id}`);
      result.inbox += Number(
        await this.inbox.deliver(em, {
          userId: user.id,
          kind,
          title: `【${kind === 'interview' ? '约谈通知' : '约谈时间地点调整'}】${unit.shortName} ${formatChineseDateTime(interview.startsAt)}`,
          body: `约谈${interview.principalHead}，地点：${interview.place}。事由：${interview.reason}`,
          link: path,
          dedupKey: userKey,
        }),
      );
      if (user.email) {
        result.emails += Number(
          await this.outbox.enqueue(em, {
            ...email,
            to: user.email,
            dedupKey: userKey,
            attachments: [interviewInviteAttachment(ics)],
          }),
        );
      }
    }
    return result;
  }

  /** 约谈提醒: the working day before, to the interview's recipients (inbox, and email where they have an address). */
  async interviewReminder(em: EntityManager, interview: Interview, stepKey: string): Promise<NoticeResult> {
    const unit = await em.findOneByOrFail(Unit, { id: interview.unitId });
    const path = `/interviews/${interview.id}`;
    const email = interviewReminderEmail({
      unitName: unit.name,
      intervieweeName: interview.principalHead,
      startsAt: interview.startsAt,
      endsAt: interview.endsAt,
      place: interview.place,
      path,
      officeName: await this.officeName(em, interview.governmentId, null),
      issuedAt: this.clock.now(),
      publicUrl: this.config.publicUrl,
    });
    const result: NoticeResult = { inbox: 0, emails: 0 };
    for (const { user } of await this.recipients.forStep(em, 'interview', unit, interview.governmentId)) {
      const userKey = recipientDedupKey(stepKey, `user:${user.id}`);
      result.inbox += Number(
        await this.inbox.deliver(em, {
          userId: user.id,
          kind: 'interview_reminder',
          title: `【约谈提醒】${unit.shortName} ${formatChineseDateTime(interview.startsAt)}`,
          body: `约谈${interview.principalHead}将于${formatChineseDateTime(interview.startsAt)}在${interview.place}举行。`,
          link: path,
          dedupKey: userKey,
        }),
      );
      if (user.email) {
        result.emails += Number(await this.outbox.enqueue(em, { ...email, to: user.email, dedupKey: userKey }));
      }
    }
    return result;
  }

  /** 落款: the plan's issuing office, else the government's leading-group office, else the government itself. */
  private async officeName(em: EntityManager, governmentId: number, plan: Plan | null): Promise<string> {
    const ids = plan ? [plan.issuingUnitId, governmentId] : [governmentId];
    const named = await em.findBy(Unit, { id: In(ids) });
    const issuing = plan ? named.find((u) => u.id === plan.issuingUnitId) : undefined;
    if (issuing && issuing.kind !== 'government') {
      return issuing.name;
    }
    const offices = await em.findBy(Unit, { parentId: governmentId, kind: 'office' });
    const office = offices.find((u) => u.name.includes('领导小组办公室')) ?? offices[0];
    return office?.name ?? named.find((u) => u.id === governmentId)?.name ?? '领导小组办公室';
  }
}

function addressOf(mailFrom: string): string {
  return /<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom.trim();
}
