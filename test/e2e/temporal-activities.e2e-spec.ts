import { NestFactory } from '@nestjs/core';
import request from 'supertest';
import { ApplicationFailure } from '@temporalio/activity';
import { MockActivityEnvironment } from '@temporalio/testing';
import { DefaultLogger } from '@temporalio/worker';
import { DataSource } from 'typeorm';
import { AssessmentResult, AssessmentRuns } from '@app/assessment';
import { Clock, UnitOfWork } from '@app/core';
import { EscalationStepRecord, PeriodCycle, PlanLadderReader, StepIssuer, StepLog } from '@app/escalation';
import { InboxMessage } from '@app/notify';
import { ObligationsService } from '@app/reporting';
import { Interview, InterviewsService, SupervisionCase, Warning } from '@app/supervision';
import {
  CalendarCorrectionsStore,
  createEscalationActivities,
  noticeDedupKey,
  supervisionSubjectId,
  WorkingCalendarProvider,
  type OpenedObligation,
  type RecordStepInput,
} from '@app/workflows';
import {
  ASSESSMENT_ACTIVITY_DEPS,
  AssessmentActivityDeps,
  ESCALATION_ACTIVITY_DEPS,
  EscalationActivityDeps,
} from '../../apps/worker/src/activity-deps';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { startTestApp, TestApp } from '../factories/test-app';

const PLAN_TEXT = [
  '阳江市2026年土壤污染防治工作要点',
  '一、农用地',
  '（一）开展农用地土壤污染状况详查。2026年底前完成。（市农业农村局牵头，市生态环境局参与）',
  '二、建设用地',
  '（二）建立建设用地土壤环境监管清单。持续实施。（市生态环境局牵头，市自然资源局参与）',
].join('\n');

const ISSUED_AT = Date.parse('2026-12-08T09:00:00+08:00');

/** The Temporal activities wired to the embedded engine's services, on a real database (no Temporal server). */
describe(EscalationActivityDeps.name, () => {
  let t: TestApp;
  let deps: EscalationActivityDeps;
  let planId: number;
  let opened: OpenedObligation[];

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set(new Date('2026-11-05T10:00:00+08:00'));
    const office = await t.login('office');
    const imported = await request(t.http)
      .post('/api/plans/import')
      .set('Authorization', `Bearer ${office}`)
      .send({ text: PLAN_TEXT })
      .expect(201);
    planId = (imported.body as { id: number }).id;
    await request(t.http).post(`/api/plans/${planId}/publish`).set('Authorization', `Bearer ${office}`).expect(200);
    const get = <T>(type: abstract new (...args: never[]) => T): T => t.app.get(type as never);
    deps = new EscalationActivityDeps(
      get(DataSource),
      get(UnitOfWork),
      get(ObligationsService),
      get(WorkingCalendarProvider),
      get(CalendarCorrectionsStore),
      get(StepLog),
      get(StepIssuer),
      get(Clock),
      get(PlanLadderReader),
      get(InterviewsService),
      get(PeriodCycle),
    );
    t.clock.set(new Date(ISSUED_AT));
    const first = await deps.openPeriodObligations({ period: '2026-11', cursor: null, limit: 3 });
    const rest = await deps.openPeriodObligations({ period: '2026-11', cursor: first.nextCursor, limit: 3 });
    opened = [...first.obligations, ...rest.obligations];
  });
  afterAll(async () => {
    await t.close();
  });

  const count = (entity: abstract new () => object, where: object = {}) =>
    t.app.get(DataSource).getRepository(entity).countBy(where);

  function step(obligation: OpenedObligation, kind: RecordStepInput['kind']): RecordStepInput {
    return {
      obligationId: obligation.id,
      unitId: obligation.unitId,
      period: obligation.period,
      kind,
      round: 0,
      dedupKey: noticeDedupKey(obligation.id, kind),
      recipients: ['unit_liaison', 'unit_head'],
      scheduledAt: ISSUED_AT,
      issuedAt: ISSUED_AT,
      supersedes: [],
      provisionalCalendar: false,
    };
  }

  it('should page through the waiting obligations of a period when it is opened', () => {
    expect(opened).toHaveLength(4);
    expect(new Set(opened.map((o) => o.id)).size).toBe(4);
    expect(opened.every((o) => o.period === '2026-11' && o.dueAt > o.openedAt)).toBe(true);
  });

  it('should load the calendar with the years asked for', async () => {
    const data = await deps.loadCalendar({ fromYear: 2026, toYear: 2027 });
    expect(data.holidays).toContain('2026-10-01');
  });

  it('should report no overdue previous period when the obligation is the first of its task', async () => {
    await expect(deps.checkPreviousPeriod({ obligationId: opened[0].id })).resolves.toEqual({ overdue: false });
  });

  it('should issue a warning once when the activity is retried', async () => {
    const input = step(opened[0], 'yellow_warning');
    await deps.recordStep(input);
    const inbox = await count(InboxMessage);
    await deps.recordStep(input);
    expect(await count(Warning, { kind: 'yellow' })).toBe(1);
    expect(await count(EscalationStepRecord, { dedupKey: input.dedupKey })).toBe(1);
    expect(inbox).toBeGreaterThan(0);
    expect(await count(InboxMessage)).toBe(inbox);
  });

  it('should open one case and one interview when both activities are retried', async () => {
    const input = {
      ...step(opened[1], 'supervision_case'),
      trigger: 'overdue' as const,
      rectificationDeadline: ISSUED_AT,
    };
    const { caseId } = await deps.openCase(input);
    await expect(deps.openCase(input)).resolves.toEqual({ caseId });
    expect(await count(SupervisionCase)).toBe(1);

    const interview = {
      caseId,
      unitId: opened[1].unitId,
      dedupKey: noticeDedupKey(supervisionSubjectId(caseId), 'interview'),
      recipients: ['unit_head' as const],
      scheduledAt: ISSUED_AT,
      issuedAt: ISSUED_AT,
      provisionalCalendar: false,
    };
    const scheduled = await deps.scheduleInterview(interview);
    const row = await t.app.get(DataSource).getRepository(Interview).findOneByOrFail({});
    expect(scheduled).toEqual({
      interviewId: String(row.id),
      appointment: { startsAt: row.startsAt.getTime(), place: row.place, version: 1 },
    });
    await expect(deps.scheduleInterview(interview)).resolves.toEqual(scheduled);
    expect(await count(Interview)).toBe(1);
  });

  /** One obligation per unit other than the case of the test above: a case is one per unit and period. */
  const ofAnotherUnit = (index: number): OpenedObligation => {
    const others = opened.filter(
      (o, i) => o.unitId !== opened[1].unitId && opened.findIndex((p) => p.unitId === o.unitId) === i,
    );
    return others[index];
  };

  it("should call nobody when the case was closed in the database before the interview's step ran", async () => {
    const obligation = ofAnotherUnit(0);
    const input = {
      ...step(obligation, 'supervision_case'),
      trigger: 'overdue' as const,
      rectificationDeadline: ISSUED_AT,
    };
    const { caseId } = await deps.openCase(input);
    await t.app
      .get(DataSource)
      .getRepository(SupervisionCase)
      .update({ id: Number(caseId) }, { status: 'closed' });
    const before = await count(Interview);
    await expect(
      deps.scheduleInterview({
        caseId,
        unitId: obligation.unitId,
        dedupKey: noticeDedupKey(supervisionSubjectId(caseId), 'interview'),
        recipients: ['unit_head'],
        scheduledAt: ISSUED_AT,
        issuedAt: ISSUED_AT,
        provisionalCalendar: false,
      }),
    ).resolves.toEqual({ interviewId: null });
    expect(await count(Interview)).toBe(before);
    expect(await count(EscalationStepRecord, { subjectType: 'case', subjectId: Number(caseId) })).toBe(0);
  });

  it('should count the interview the office already arranged for the case as the step, and schedule none', async () => {
    const obligation = ofAnotherUnit(1);
    const input = {
      ...step(obligation, 'supervision_case'),
      trigger: 'overdue' as const,
      rectificationDeadline: ISSUED_AT,
    };
    const { caseId } = await deps.openCase(input);
    const arranged = await t.app.get(UnitOfWork).run((em) =>
      t.app.get(InterviewsService).schedule(em, {
        unitId: Number(obligation.unitId),
        caseId: Number(caseId),
        reason: '办公室提前约谈',
        time: new Date(ISSUED_AT + 3 * 86_400_000),
        place: '会议室',
        attendees: ['督查组'],
        followUpDueAt: new Date(ISSUED_AT + 20 * 86_400_000),
        scheduledBy: { kind: 'user', userId: 1, username: 'office' },
      }),
    );
    const before = await count(Interview);
    await expect(
      deps.scheduleInterview({
        caseId,
        unitId: obligation.unitId,
        dedupKey: noticeDedupKey(supervisionSubjectId(caseId), 'interview'),
        recipients: ['unit_head'],
        scheduledAt: ISSUED_AT,
        issuedAt: ISSUED_AT,
        provisionalCalendar: false,
      }),
    ).resolves.toEqual({ interviewId: String(arranged.id), appointment: null });
    expect(await count(Interview)).toBe(before);
  });

  it('should fail without retry when the obligation does not exist', async () => {
    const activities = createEscalationActivities(deps);
    const env = new MockActivityEnvironment(undefined, { logger: new DefaultLogger('ERROR') });
    const failure = await env
      .run(activities.recordStep, { ...step(opened[0], 'red_warning'), obligationId: '999999' })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({ type: 'NOT_FOUND', nonRetryable: true });
  });

  it('should resolve the wired activities in the worker context when the domain modules load', async () => {
    const context = await NestFactory.createApplicationContext(WorkerModule.forRoot(t.config), { logger: false });
    try {
      expect(context.get(ESCALATION_ACTIVITY_DEPS)).toBeInstanceOf(EscalationActivityDeps);
      expect(context.get(ASSESSMENT_ACTIVITY_DEPS)).toBeInstanceOf(AssessmentActivityDeps);
    } finally {
      await context.close();
    }
  });

  it("should give each obligation workflow the plan's ladder when the office has set one", async () => {
    expect(opened.every((o) => o.ladder === undefined)).toBe(true);
    await request(t.http)
      .put(`/api/plans/${planId}/ladder`)
      .set('Authorization', `Bearer ${await t.login('office')}`)
      .send({ yellowWarningAfterWorkingDays: 3, redWarningAfterWorkingDays: 6, officeOpensAt: '08:30' })
      .expect(200);
    const page = await deps.openPeriodObligations({ period: '2026-11', cursor: null, limit: 10 });
    expect(page.obligations.length).toBeGreaterThan(0);
    for (const obligation of page.obligations) {
      expect(obligation.ladder).toMatchObject({
        yellowWarningAfterWorkingDays: 3,
        redWarningAfterWorkingDays: 6,
        officeHours: { start: '08:30', end: '18:00' },
      });
    }
  });

  describe(AssessmentActivityDeps.name, () => {
    it('should start and score the run once when the activity is retried', async () => {
      const assessment = new AssessmentActivityDeps(t.app.get(DataSource), t.app.get(AssessmentRuns));
      const first = await assessment.scoreAssessment({ planId: String(planId), year: 2026, revision: 1 });
      const again = await assessment.scoreAssessment({ planId: String(planId), year: 2026, revision: 1 });
      expect(again).toEqual(first);
      expect(first.units).toBe(await count(AssessmentResult, { runId: Number(first.assessmentId) }));
    });
  });
});
