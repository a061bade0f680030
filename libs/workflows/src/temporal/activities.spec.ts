import { ApplicationFailure } from '@temporalio/activity';
import { MockActivityEnvironment } from '@temporalio/testing';
import { DefaultLogger } from '@temporalio/worker';
import { DomainError } from '@app/core';
import { PolicyError } from '../policy/policy-error';
import {
  createAssessmentActivities,
  createEscalationActivities,
  createNoticeActivities,
  type AssessmentActivities,
  type EscalationActivities,
  type OpenCaseInput,
  type SendNoticesInput,
} from './activities';

/** The environment logs every failed attempt; these tests fail activities on purpose. */
function quietEnvironment(): MockActivityEnvironment {
  return new MockActivityEnvironment(undefined, { logger: new DefaultLogger('ERROR') });
}

function fakeDeps(overrides: Partial<EscalationActivities> = {}): EscalationActivities {
  return {
    loadCalendar: jest.fn(() =>
      Promise.resolve({ holidays: ['2026-10-01'], workdays: ['2026-10-10'], provisionalYears: [] }),
    ),
    openPeriodObligations: jest.fn(() => Promise.resolve({ obligations: [], nextCursor: null })),
    checkPreviousPeriod: jest.fn(() => Promise.resolve({ overdue: false })),
    recordStep: jest.fn(() => Promise.resolve()),
    openCase: jest.fn(() => Promise.resolve({ caseId: 'case-7' })),
    scheduleInterview: jest.fn(() => Promise.resolve({ interviewId: 'interview-3' })),
    ...overrides,
  };
}

const openCaseInput: OpenCaseInput = {
  obligationId: 'o-1',
  unitId: 'u-1',
  period: '2026-07',
  kind: 'supervision_case',
  round: 0,
  dedupKey: 'notice:o-1:supervision_case',
  recipients: ['unit_head', 'office_admin', 'supervisor'],
  scheduledAt: Date.parse('2026-08-17T09:00:00+08:00'),
  issuedAt: Date.parse('2026-08-17T09:00:00+08:00'),
  supersedes: [],
  provisionalCalendar: false,
  trigger: 'overdue',
  rectificationDeadline: Date.parse('2026-08-31T18:00:00+08:00'),
};

async function failureOf(work: Promise<unknown>): Promise<unknown> {
  try {
    await work;
  } catch (error) {
    return error;
  }
  throw new Error('expected the activity to fail');
}

describe('createEscalationActivities', () => {
  const env = quietEnvironment();

  describe('openCase', () => {
    it('should pass the input object to the service and return its result when it succeeds', async () => {
      const deps = fakeDeps();
      const activities = createEscalationActivities(deps);
      await expect(env.run(activities.openCase, openCaseInput)).resolves.toEqual({ caseId: 'case-7' });
      expect(deps.openCase).toHaveBeenCalledWith(openCaseInput);
    });

    it('should fail without retries, typed by the code, when the service rejects with a domain error', async () => {
      const activities = createEscalationActivities(
        fakeDeps({ openCase: jest.fn(() => Promise.reject(DomainError.notFound('报送义务', 'o-1'))) }),
      );
      const error = await failureOf(env.run(activities.openCase, openCaseInput));
      expect(error).toBeInstanceOf(ApplicationFailure);
      expect(error).toMatchObject({ nonRetryable: true, type: 'NOT_FOUND', message: '报送义务不存在：o-1' });
    });

    it('should keep field details of a validation error', async () => {
      const activities = createEscalationActivities(
        fakeDeps({ openCase: jest.fn(() => Promise.reject(DomainError.invalid('dueAt', '须晚于当前时间'))) }),
      );
      const error = await failureOf(env.run(activities.openCase, openCaseInput));
      expect(error).toMatchObject({ nonRetryable: true, type: 'VALIDATION', details: [{ dueAt: ['须晚于当前时间'] }] });
    });
  });

  describe('recordStep', () => {
    it('should leave an unavailable database to the retry policy when the error is transient', async () => {
      const outage = new DomainError('UNAVAILABLE', '数据库暂不可用');
      const activities = createEscalationActivities(fakeDeps({ recordStep: jest.fn(() => Promise.reject(outage)) }));
      await expect(env.run(activities.recordStep, openCaseInput)).rejects.toBe(outage);
    });

    it('should leave an unexpected error to the retry policy when it is not a domain error', async () => {
      const lost = new Error('Connection lost: The server closed the connection.');
      const activities = createEscalationActivities(fakeDeps({ recordStep: jest.fn(() => Promise.reject(lost)) }));
      await expect(env.run(activities.recordStep, openCaseInput)).rejects.toBe(lost);
    });
  });

  describe('loadCalendar', () => {
    it('should fail without retries when the calendar data is invalid', async () => {
      const broken = new PolicyError('CONFLICTING_CALENDAR_DAYS', '2026-10-10 同时被标为节假日和工作日');
      const activities = createEscalationActivities(fakeDeps({ loadCalendar: jest.fn(() => Promise.reject(broken)) }));
      const error = await failureOf(env.run(activities.loadCalendar, { fromYear: 2026, toYear: 2027 }));
      expect(error).toMatchObject({ nonRetryable: true, type: 'CONFLICTING_CALENDAR_DAYS' });
    });
  });
});

describe('createNoticeActivities', () => {
  const env = quietEnvironment();
  const reminder: SendNoticesInput = {
    dedupKey: 'notice:interview:4:reminder:v1',
    kind: 'interview_reminder',
    subject: { type: 'interview', id: '4' },
    unitId: 'u-1',
    recipients: ['unit_principal_head', 'office_admin', 'supervisor'],
    issuedAt: Date.parse('2026-10-14T09:00:00+08:00'),
  };

  it('should pass the notice to the service and report what it wrote when it succeeds', async () => {
    const sendNotices = jest.fn(() => Promise.resolve({ delivered: 3 }));
    const activities = createNoticeActivities({ sendNotices });
    await expect(env.run(activities.sendNotices, reminder)).resolves.toEqual({ delivered: 3 });
    expect(sendNotices).toHaveBeenCalledWith(reminder);
  });

  it('should fail without retries when the interview does not exist', async () => {
    const activities = createNoticeActivities({
      sendNotices: jest.fn(() => Promise.reject(DomainError.notFound('约谈', '4'))),
    });
    const error = await failureOf(env.run(activities.sendNotices, reminder));
    expect(error).toMatchObject({ nonRetryable: true, type: 'NOT_FOUND', message: '约谈不存在：4' });
  });

  it('should leave a lost database connection to the retry policy', async () => {
    const lost = new Error('Connection lost: The server closed the connection.');
    const activities = createNoticeActivities({ sendNotices: jest.fn(() => Promise.reject(lost)) });
    await expect(env.run(activities.sendNotices, reminder)).rejects.toBe(lost);
  });
});

describe('createAssessmentActivities', () => {
  const env = quietEnvironment();
  const deps: AssessmentActivities = {
    scoreAssessment: jest.fn(() => Promise.resolve({ assessmentId: 'a-1', units: 12 })),
    openAppealWindow: jest.fn(() => Promise.resolve()),
    publishAssessment: jest.fn(() => Promise.reject(new DomainError('CONFLICT', '考核结果已发布'))),
  };

  describe('scoreAssessment', () => {
    it('should return the scored draft when the scoring succeeds', async () => {
      const activities = createAssessmentActivities(deps);
      await expect(env.run(activities.scoreAssessment, { planId: 'p-1', year: 2026, revision: 1 })).resolves.toEqual({
        assessmentId: 'a-1',
        units: 12,
      });
    });
  });

  describe('publishAssessment', () => {
    it('should fail without retries when the assessment is already published', async () => {
      const activities = createAssessmentActivities(deps);
      const error = await failureOf(
        env.run(activities.publishAssessment, { assessmentId: 'a-1', revision: 1, publishedAt: 0 }),
      );
      expect(error).toMatchObject({ nonRetryable: true, type: 'CONFLICT' });
    });
  });
});
