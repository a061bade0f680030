import request from 'supertest';
import { ApplicationFailure } from '@temporalio/activity';
import { MockActivityEnvironment } from '@temporalio/testing';
import { DefaultLogger } from '@temporalio/worker';
import { DataSource, In, Like } from 'typeorm';
import { AssessmentNotices, AssessmentRun, AssessmentRuns } from '@app/assessment';
import { AuditEntry, AuditService } from '@app/audit';
import { systemActor, UnitOfWork } from '@app/core';
import { InboxMessage, OutboxEmail } from '@app/notify';
import { User } from '@app/org';
import { Interview, InterviewsService, SupervisionNotices } from '@app/supervision';
import {
  createAssessmentActivities,
  createNoticeActivities,
  type NoticeActivities,
  type ScoreAssessmentResult,
  type SendNoticesInput,
  type SendNoticesResult,
} from '@app/workflows';
import { AssessmentActivityDeps } from '../../apps/worker/src/activity-deps';
import { WorkflowNotices } from '../../apps/worker/src/workflow-notices';
import { unitIdByName } from '../factories/org-lookup';
import { startTestApp, TestApp } from '../factories/test-app';

const PLAN_TEXT = [
  '阳江市2026年土壤污染防治工作要点',
  '一、农用地',
  '（一）完成农用地土壤污染状况详查。2026年底前完成。（市农业农村局牵头）',
].join('\n');

const NOW = Date.parse('2026-12-21T10:00:00+08:00');

/**
 * The Temporal activities that send notices, in `MockActivityEnvironment` over the worker's real services and a real
 * database: the assessment's release (`openAppealWindow`, the same `AssessmentRuns.release` as the API's button),
 * and `sendNotices` (interview invitation and reminder, the office's review request). A retried activity writes
 * nothing twice.
 */
describe('Temporal notice activities', () => {
  let t: TestApp;
  let planId: number;
  let env: MockActivityEnvironment;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const repo = <T extends object>(entity: new () => T) => t.app.get(DataSource).getRepository(entity);
  const notices = () =>
    createNoticeActivities(
      new WorkflowNotices(
        t.app.get(UnitOfWork),
        t.app.get(SupervisionNotices),
        t.app.get(InterviewsService),
        t.app.get(AssessmentNotices),
        t.app.get(AuditService),
      ),
    );
  const assessment = () =>
    createAssessmentActivities(new AssessmentActivityDeps(t.app.get(DataSource), t.app.get(AssessmentRuns)));
  /** One attempt of `sendNotices`, as the worker would run it. */
  const send = (input: SendNoticesInput) =>
    env.run<[SendNoticesInput], SendNoticesResult, NoticeActivities['sendNotices']>(notices().sendNotices, input);

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set(new Date(NOW));
    env = new MockActivityEnvironment(undefined, { logger: new DefaultLogger('ERROR') });
    const office = await t.login('office');
    const imported = await request(t.http).post('/api/plans/import').set(as(office)).send({ text: PLAN_TEXT });
    expect(imported.status).toBe(201);
    planId = (imported.body as { id: number }).id;
    await request(t.http).post(`/api/plans/${planId}/publish`).set(as(office)).expect(200);
  });
  afterAll(async () => t.close());

  describe('the assessment', () => {
    let assessmentId: string;

    beforeAll(async () => {
      const scored = env.run(assessment().scoreAssessment, { planId: String(planId), year: 2026, revision: 1 });
      ({ assessmentId } = (await scored) as ScoreAssessmentResult);
    });

    const review = (): SendNoticesInput => ({
      dedupKey: `notice:assessment:${planId}:2026:assessment_review:v1`,
      kind: 'assessment_review',
      subject: { type: 'assessment', id: assessmentId },
      unitId: null,
      recipients: ['office_admin'],
      issuedAt: NOW,
    });

    it('should ask the office admins once to review the scored draft when the activity is retried', async () => {
      const admins = await repo(User).findBy({ role: 'office_admin', active: true });
      const first = await send(review());
      expect(first.delivered).toBeGreaterThan(0);
      await expect(send(review())).resolves.toEqual({ delivered: 0 });
      const inbox = await repo(InboxMessage).findBy({ kind: 'assessment.review' });
      expect(inbox).toHaveLength(first.delivered);
      expect(admins.map((admin) => admin.id)).toEqual(expect.arrayContaining(inbox.map((message) => message.userId)));
      expect(inbox[0].title).toContain('请审核');
      const audited = await repo(AuditEntry).findBy({ action: 'notice.assessment_review', entityId: assessmentId });
      expect(audited).toHaveLength(1);
    });

    it('should send the units their release notice by inbox and email, once, when the appeal window opens twice', async () => {
      const window = {
        assessmentId,
        revision: 1,
        appealDeadline: Date.parse('2026-12-28T18:00:00+08:00'),
      };
      await env.run(assessment().openAppealWindow, window);
      const inbox = await repo(InboxMessage).findBy({ kind: 'assessment.released' });
      const emails = await repo(OutboxEmail).findBy({ dedupKey: Like(`assessment:${assessmentId}:released:email:%`) });
      await env.run(assessment().openAppealWindow, window);

      const run = await repo(AssessmentRun).findOneByOrFail({ id: Number(assessmentId) });
      expect(run.status).toBe('released');
      const recipients = await repo(User).findBy({ id: In(inbox.map((message) => message.userId)) });
      expect(recipients.map((user) => user.username)).toEqual(expect.arrayContaining(['liaison', 'head']));
      expect(emails.map((email) => email.to).sort()).toEqual(recipients.map((user) => user.email).sort());
      expect(emails[0].subject).toContain('申诉截止2026年12月28日（星期一）18:00');
      expect(await repo(InboxMessage).countBy({ kind: 'assessment.released' })).toBe(inbox.length);
      expect(await repo(OutboxEmail).countBy({ dedupKey: Like(`assessment:${assessmentId}:released:email:%`) })).toBe(
        emails.length,
      );
    });

    it('should not ask for a review of a draft that is already released', async () => {
      const later = { ...review(), dedupKey: `notice:assessment:${planId}:2026:assessment_review:v2` };
      await expect(send(later)).resolves.toEqual({ delivered: 0 });
    });
  });

  describe('the interview', () => {
    let interview: Interview;

    beforeAll(async () => {
      const office = await t.login('office');
      const unitId = await unitIdByName(t, office, '阳江市农业农村局');
      interview = await t.app.get(UnitOfWork).run((em) =>
        t.app.get(InterviewsService).schedule(em, {
          unitId,
          reason: '督办事项逾期未完成整改',
          time: new Date('2026-12-24T10:00:00+08:00'),
          place: '领导小组办公室会议室',
          attendees: ['领导小组办公室主任'],
          followUpDueAt: new Date('2027-01-08T18:00:00+08:00'),
          scheduledBy: systemActor('escalation'),
        }),
      );
    });

    const notice = (kind: 'interview_invite' | 'interview_reminder'): SendNoticesInput => ({
      dedupKey: `notice:interview:${interview.id}:${kind === 'interview_invite' ? 'invite' : 'reminder'}:v1`,
      kind,
      subject: { type: 'interview', id: String(interview.id) },
      unitId: String(interview.unitId),
      recipients: ['unit_principal_head', 'office_admin', 'supervisor'],
      issuedAt: NOW,
    });

    it('should send the invitation with its calendar file once when the activity is retried', async () => {
      const first = await send(notice('interview_invite'));
      expect(first.delivered).toBeGreaterThan(0);
      await expect(send(notice('interview_invite'))).resolves.toEqual({ delivered: 0 });
      const emails = await repo(OutboxEmail).findBy({ dedupKey: Like(`${notice('interview_invite').dedupKey}:%`) });
      expect(emails.length).toBeGreaterThan(0);
      expect(emails.every((email) => email.attachments.includes('invite.ics'))).toBe(true);
      expect(await repo(InboxMessage).countBy({ dedupKey: Like(`${notice('interview_invite').dedupKey}:%`) })).toBe(
        first.delivered,
      );
    });

    it('should remind the attendees once the working day before', async () => {
      const first = await send(notice('interview_reminder'));
      expect(first.delivered).toBeGreaterThan(0);
      await expect(send(notice('interview_reminder'))).resolves.toEqual({ delivered: 0 });
      const emails = await repo(OutboxEmail).findBy({ dedupKey: Like(`${notice('interview_reminder').dedupKey}:%`) });
      expect(emails.every((email) => email.subject.startsWith('【约谈提醒】'))).toBe(true);
    });

    it('should remind nobody of an interview that was cancelled meanwhile', async () => {
      await t.app
        .get(UnitOfWork)
        .run((em) => t.app.get(InterviewsService).cancel(em, systemActor('test'), interview.id, '单位已完成整改'));
      const moved = { ...notice('interview_reminder'), dedupKey: `notice:interview:${interview.id}:reminder:v2` };
      await expect(send(moved)).resolves.toEqual({ delivered: 0 });
    });

    it('should fail without retries when the interview does not exist', async () => {
      const missing = { ...notice('interview_reminder'), subject: { type: 'interview' as const, id: '999999' } };
      const failure = await send(missing).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(ApplicationFailure);
      expect(failure).toMatchObject({ type: 'NOT_FOUND', nonRetryable: true, message: '约谈不存在：999999' });
    });
  });
});
