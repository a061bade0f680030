import request from 'supertest';
import { DataSource } from 'typeorm';
import { Clock, systemActor, UnitOfWork } from '@app/core';
import { EscalationStepRecord } from '@app/escalation';
import { InboxMessage } from '@app/notify';
import { InterviewsService, SupervisionCasesService } from '@app/supervision';
import {
  assessmentWorkflowId,
  DurableTimer,
  interviewWorkflowId,
  obligationWorkflowId,
  supervisionCaseWorkflowId,
  WorkflowCommandRecord,
  WorkflowCommandRelay,
} from '@app/workflows';
import { unitIdByName } from '../factories/org-lookup';
import { RecordingEngine } from '../factories/recording-engine';
import { startTestApp, TestApp } from '../factories/test-app';

const PLAN_TEXT = [
  '阳江市2026年土壤污染防治工作要点',
  '一、农用地',
  '（一）开展农用地土壤污染状况详查。2026年底前完成。（市农业农村局牵头，市生态环境局参与）',
].join('\n');

interface CommandView {
  kind: string;
  workflowId: string;
  name: string;
  args: unknown[];
}

/**
 * `WORKFLOW_ENGINE=temporal` without a server: the people working cases, interviews and assessment runs change the
 * database, and each change records the start or signal of its workflow in the same transaction (the outbox); a
 * change refused records nothing. The relay then hands them to the engine port in order.
 */
describe('Temporal mode: the API tells the workflows (e2e)', () => {
  let t: TestApp;
  let planId: number;
  let agriId: number;
  let seen = 0;

  beforeAll(async () => {
    t = await startTestApp({ WORKFLOW_ENGINE: 'temporal', TEMPORAL_ADDRESS: '127.0.0.1:1' });
    t.clock.set(new Date('2026-11-05T10:00:00+08:00'));
    const office = await t.login('office');
    const imported = await request(t.http).post('/api/plans/import').set(as(office)).send({ text: PLAN_TEXT });
    planId = (imported.body as { id: number }).id;
    await request(t.http).post(`/api/plans/${planId}/publish`).set(as(office)).expect(200);
    agriId = await unitIdByName(t, office, '阳江市农业农村局');
    await newCommands();
  });
  afterAll(async () => {
    await t.close();
  });

  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  /** The commands recorded since the last call. */
  async function newCommands(): Promise<CommandView[]> {
    const rows = await t.app
      .get(DataSource)
      .getRepository(WorkflowCommandRecord)
      .find({ order: { id: 'ASC' } });
    const fresh = rows.slice(seen);
    seen = rows.length;
    return fresh.map((row) => ({
      kind: row.kind,
      workflowId: row.workflowId,
      name: row.name,
      args: JSON.parse(row.payload) as unknown[],
    }));
  }

  /** A case the ladder opened (it carries its step's dedup key), as the worker's `openCase` activity writes it. */
  function ladderCase(dedupKey: string) {
    return t.app.get(UnitOfWork).run((em) =>
      t.app.get(SupervisionCasesService).open(em, {
        unitId: agriId,
        planId,
        reason: '11月工作进展情况逾期未报送',
        openedBy: systemActor('temporal'),
        dedupKey,
      }),
    );
  }

  async function requestClosure(caseId: number): Promise<void> {
    await request(t.http)
      .post(`/api/supervision-cases/${caseId}/closure-request`)
      .set(as(await t.login('liaison')))
      .send({ summary: '已补报并建立月度调度台账。', evidence: ['整改材料-001'] })
      .expect(200);
  }

  describe('supervision cases', () => {
    it('should signal the closure request and both verifications to the case workflow', async () => {
      const supervisionCase = await ladderCase('case:test:1');
      const liaison = await t.login('liaison');
      await request(t.http)
        .post(`/api/supervision-cases/${supervisionCase.id}/acknowledge`)
        .set(as(liaison))
        .expect(200);
      await requestClosure(supervisionCase.id);
      const supervisor = await t.login('supervisor');
      const verification = `/api/supervision-cases/${supervisionCase.id}/verification`;
      await request(t.http)
        .post(verification)
        .set(as(supervisor))
        .send({ decision: 'reject', reason: '整改材料不完整' })
        .expect(200);
      await requestClosure(supervisionCase.id);
      await request(t.http).post(verification).set(as(supervisor)).send({ decision: 'accept' }).expect(200);

      const workflowId = supervisionCaseWorkflowId(String(supervisionCase.id));
      expect(await newCommands()).toEqual([
        { kind: 'signal', workflowId, name: 'caseClosureRequested', args: [{ requestId: expect.any(String) }] },
        { kind: 'signal', workflowId, name: 'caseVerified', args: [{ approved: false, note: '整改材料不完整' }] },
        { kind: 'signal', workflowId, name: 'caseClosureRequested', args: [{ requestId: expect.any(String) }] },
        { kind: 'signal', workflowId, name: 'caseVerified', args: [{ approved: true }] },
      ]);
    });

    it('should record nothing when the verification is refused', async () => {
      const supervisionCase = await ladderCase('case:test:2');
      const refused = await request(t.http)
        .post(`/api/supervision-cases/${supervisionCase.id}/verification`)
        .set(as(await t.login('supervisor')))
        .send({ decision: 'accept' })
        .expect(409);
      expect(refused.body.message).toContain('待签收');
      expect(await newCommands()).toEqual([]);
    });

    it('should signal nothing for a case opened by hand, which has no workflow on either engine', async () => {
      const opened = await request(t.http)
        .post('/api/supervision-cases')
        .set(as(await t.login('supervisor')))
        .send({ unitId: agriId, planId, reason: '督查发现问题' })
        .expect(201);
      const caseId = (opened.body as { id: number }).id;
      await request(t.http)
        .post(`/api/supervision-cases/${caseId}/acknowledge`)
        .set(as(await t.login('liaison')));
      await requestClosure(caseId);
      expect(await newCommands()).toEqual([]);
    });
  });

  describe('plan ladder', () => {
    async function runningObligationIds(): Promise<number[]> {
      const rows = await t.app
        .get(DataSource)
        .query<Array<{ id: number }>>(
          `SELECT id FROM reporting_obligation WHERE plan_id = ? AND status IN ('open', 'returned', 'submitted') ORDER BY id`,
          [planId],
        );
      return rows.map((row) => Number(row.id));
    }

    it("should signal the new ladder to every running obligation's workflow", async () => {
      const office = await t.login('office');
      const changed = await request(t.http)
        .put(`/api/plans/${planId}/ladder`)
        .set(as(office))
        .send({ yellowWarningAfterWorkingDays: 2, redWarningAfterWorkingDays: 6, officeOpensAt: '08:30' })
        .expect(200);
      const running = await runningObligationIds();
      expect(running.length).toBeGreaterThan(0);
      expect((changed.body as { replanned: number }).replanned).toBe(running.length);
      const ladder = expect.objectContaining({
        yellowWarningAfterWorkingDays: 2,
        redWarningAfterWorkingDays: 6,
        supervisionAfterWorkingDays: 10,
        officeHours: { start: '08:30', end: '18:00' },
      }) as unknown;
      expect(await newCommands()).toEqual(
        running.map((id) => ({
          kind: 'signal',
          workflowId: obligationWorkflowId(String(id)),
          name: 'ladderChanged',
          args: [{ ladder }],
        })),
      );
    });

    it('should signal nothing when the new ladder is refused', async () => {
      await request(t.http)
        .put(`/api/plans/${planId}/ladder`)
        .set(as(await t.login('office')))
        .send({ yellowWarningAfterWorkingDays: 7 })
        .expect(400);
      expect(await newCommands()).toEqual([]);
    });
  });

  describe('interviews', () => {
    let interviewId: number;

    it('should start the workflow of an interview arranged by hand, with its announced appointment', async () => {
      const scheduled = await request(t.http)
        .post('/api/interviews')
        .set(as(await t.login('supervisor')))
        .send({
          unitId: agriId,
          reason: '11月报告逾期',
          time: '2026-11-12T10:00:00+08:00',
          place: '领导小组办公室会议室',
          attendees: ['督查组'],
          followUpDueAt: '2026-11-30T18:00:00+08:00',
        })
        .expect(201);
      interviewId = (scheduled.body as { id: number }).id;
      expect(await newCommands()).toEqual([
        {
          kind: 'start',
          workflowId: interviewWorkflowId(String(interviewId)),
          name: 'interviewWorkflow',
          args: [
            {
              interviewId: String(interviewId),
              unitId: String(agriId),
              appointment: {
                startsAt: Date.parse('2026-11-12T10:00:00+08:00'),
                place: '领导小组办公室会议室',
                version: 1,
              },
            },
          ],
        },
      ]);
      // The invitation went out with the arrangement; the workflow sends only what follows.
      const inbox = await t.app
        .get(DataSource)
        .getRepository(InboxMessage)
        .countBy({ link: `/interviews/${interviewId}` });
      expect(inbox).toBeGreaterThan(0);
    });

    it('should signal a move with its appointment number, leaving the invitation and the reminder to the workflow', async () => {
      await request(t.http)
        .post(`/api/interviews/${interviewId}/reschedule`)
        .set(as(await t.login('supervisor')))
        .send({ time: '2026-11-13T15:00:00+08:00', place: '市生态环境局三楼会议室' })
        .expect(200);
      expect(await newCommands()).toEqual([
        {
          kind: 'signal',
          workflowId: interviewWorkflowId(String(interviewId)),
          name: 'interviewScheduled',
          args: [
            { startsAt: Date.parse('2026-11-13T15:00:00+08:00'), place: '市生态环境局三楼会议室', appointment: 2 },
          ],
        },
      ]);
      const dataSource = t.app.get(DataSource);
      expect(await dataSource.getRepository(EscalationStepRecord).countBy({ subjectType: 'interview' })).toBe(0);
      expect(await dataSource.getRepository(DurableTimer).countBy({ subjectType: 'interview' })).toBe(0);
    });

    it('should record nothing when the move is refused', async () => {
      await request(t.http)
        .post(`/api/interviews/${interviewId}/reschedule`)
        .set(as(await t.login('supervisor')))
        .send({ time: '2026-11-01T10:00:00+08:00', place: '会议室' })
        .expect(400);
      expect(await newCommands()).toEqual([]);
    });

    it('should signal that it was held, and nothing when it is closed', async () => {
      const supervisor = await t.login('supervisor');
      await request(t.http)
        .post(`/api/interviews/${interviewId}/minutes`)
        .set(as(supervisor))
        .send({ minutes: '被约谈单位主要负责同志说明了逾期原因并作出整改承诺。' })
        .expect(200);
      await request(t.http).post(`/api/interviews/${interviewId}/close`).set(as(supervisor)).send({}).expect(200);
      expect(await newCommands()).toEqual([
        { kind: 'signal', workflowId: interviewWorkflowId(String(interviewId)), name: 'interviewHeld', args: [{}] },
      ]);
    });

    it('should cancel the workflow of a cancelled interview', async () => {
      const supervisor = await t.login('supervisor');
      const scheduled = await request(t.http)
        .post('/api/interviews')
        .set(as(supervisor))
        .send({
          unitId: agriId,
          reason: '另行约谈',
          time: '2026-11-20T10:00:00+08:00',
          place: '会议室',
          attendees: ['督查组'],
          followUpDueAt: '2026-11-30T18:00:00+08:00',
        })
        .expect(201);
      const id = (scheduled.body as { id: number }).id;
      await request(t.http)
        .post(`/api/interviews/${id}/cancel`)
        .set(as(supervisor))
        .send({ reason: '合并约谈' })
        .expect(200);
      expect((await newCommands()).map((c) => `${c.kind} ${c.workflowId}`)).toEqual([
        `start ${interviewWorkflowId(String(id))}`,
        `cancel ${interviewWorkflowId(String(id))}`,
      ]);
    });

    it("should leave the ladder's interview to its case workflow, which starts it", async () => {
      const supervisionCase = await ladderCase('case:test:3');
      await t.app.get(UnitOfWork).run((em) =>
        t.app.get(InterviewsService).schedule(em, {
          unitId: agriId,
          caseId: supervisionCase.id,
          reason: '逾期未完成整改',
          time: new Date('2026-11-25T10:00:00+08:00'),
          place: '领导小组办公室会议室',
          attendees: ['督查组'],
          followUpDueAt: new Date('2026-12-10T18:00:00+08:00'),
          scheduledBy: systemActor('temporal'),
          dedupKey: `notice:supervision:${supervisionCase.id}:interview`,
        }),
      );
      expect(await newCommands()).toEqual([]);
    });
  });

  describe('the year-end assessment', () => {
    let runId: number;
    const workflowId = () => assessmentWorkflowId(String(planId), 2026);

    it('should start the run workflow when the office creates the run', async () => {
      const started = await request(t.http)
        .post('/api/assessment/runs')
        .set(as(await t.login('office')))
        .send({ planId, year: 2026 })
        .expect(201);
      runId = (started.body as { id: number }).id;
      expect(await newCommands()).toEqual([
        {
          kind: 'start',
          workflowId: workflowId(),
          name: 'yearEndAssessmentWorkflow',
          args: [{ planId: String(planId), year: 2026 }],
        },
      ]);
    });

    it('should signal neither a recomputation nor a refused release', async () => {
      const office = await t.login('office');
      await request(t.http).post(`/api/assessment/runs/${runId}/compute`).set(as(office)).expect(200);
      await request(t.http).post(`/api/assessment/runs/${runId}/publish`).set(as(office)).expect(409);
      expect(await newCommands()).toEqual([]);
    });

    it('should signal the release with its deadline, the appeal, its decision and the publication', async () => {
      const office = await t.login('office');
      const released = await request(t.http).post(`/api/assessment/runs/${runId}/release`).set(as(office)).expect(200);
      const appealDeadline = Date.parse((released.body as { appealDeadline: string }).appealDeadline);
      const results = await request(t.http).get(`/api/assessment/runs/${runId}/results`).set(as(office)).expect(200);
      const own = (results.body as Array<{ id: number; unitId: number }>).find((r) => r.unitId === agriId);
      const filed = await request(t.http)
        .post(`/api/assessment/results/${own?.id}/appeals`)
        .set(as(await t.login('liaison')))
        .send({ text: '11月报告已按时报送，附报送记录。' })
        .expect(201);
      const appealId = (filed.body as { id: number }).id;
      await request(t.http)
        .post(`/api/assessment/appeals/${appealId}/decision`)
        .set(as(office))
        .send({ decision: 'reject', reason: '报送记录显示逾期' })
        .expect(200);
      t.clock.set(new Date(appealDeadline + 60_000));
      await request(t.http)
        .post(`/api/assessment/runs/${runId}/publish`)
        .set(as(await t.login('office')))
        .expect(200);

      expect(await newCommands()).toEqual([
        {
          kind: 'signal',
          workflowId: workflowId(),
          name: 'assessmentReviewed',
          args: [{ approved: true, appealDeadline }],
        },
        {
          kind: 'signal',
          workflowId: workflowId(),
          name: 'appealFiled',
          args: [{ appealId: String(appealId), unitId: String(agriId) }],
        },
        {
          kind: 'signal',
          workflowId: workflowId(),
          name: 'appealResolved',
          args: [{ appealId: String(appealId), rescored: false }],
        },
        { kind: 'signal', workflowId: workflowId(), name: 'publicationApproved', args: [] },
      ]);
    });
  });

  it('should hand every recorded command to the engine in order', async () => {
    const engine = new RecordingEngine();
    const relay = new WorkflowCommandRelay(t.app.get(DataSource), engine, t.app.get(Clock));
    const pending = await t.app
      .get(DataSource)
      .getRepository(WorkflowCommandRecord)
      .find({ where: { status: 'pending' }, order: { id: 'ASC' } });
    await expect(relay.deliverPending()).resolves.toEqual({
      delivered: pending.length,
      ignored: 0,
      failed: 0,
      unavailable: false,
    });
    expect(engine.delivered).toEqual(
      pending.map((c) => (c.kind === 'cancel' ? `cancel ${c.workflowId}` : `${c.kind} ${c.name} ${c.workflowId}`)),
    );
    expect(engine.delivered.filter((line) => line.includes('assessment:'))).toEqual([
      `start yearEndAssessmentWorkflow ${assessmentWorkflowId(String(planId), 2026)}`,
      ...['assessmentReviewed', 'appealFiled', 'appealResolved', 'publicationApproved'].map(
        (signal) => `signal ${signal} ${assessmentWorkflowId(String(planId), 2026)}`,
      ),
    ]);
  });
});
