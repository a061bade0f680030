import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Clock } from '@app/core';
import { WorkflowAdoption } from '@app/escalation';
import { Obligation } from '@app/reporting';
import { Interview, SupervisionCase } from '@app/supervision';
import {
  DurableTimer,
  interviewWorkflowId,
  obligationWorkflowId,
  supervisionCaseWorkflowId,
  WorkflowCommandRecord,
  WorkflowCommandRelay,
  type InterviewWorkflowInput,
  type ReportingObligationInput,
} from '@app/workflows';
import { unitIdByName } from '../factories/org-lookup';
import { RecordingEngine } from '../factories/recording-engine';
import { startTestApp, TestApp } from '../factories/test-app';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');

const PLAN_TEXT = [
  '阳江市2026年土壤污染防治工作要点',
  '一、农用地',
  '（一）开展农用地土壤污染状况详查。持续实施。（市农业农村局牵头）',
  '二、建设用地',
  '（二）建立建设用地土壤环境监管清单。持续实施。（市生态环境局牵头）',
].join('\n');

/**
 * An installation that ran on the embedded engine switches to Temporal: `workflows adopt` starts a workflow for
 * each obligation, ladder case and interview still open, carrying what was issued, and stops the embedded ladder
 * timers; run again it starts nothing twice.
 */
describe('Adopting open records into Temporal workflows (e2e)', () => {
  let t: TestApp;
  let waiting: Obligation;
  let submitted: Obligation;
  let supervisionCase: SupervisionCase;
  let interviewId: number;

  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const repository = <T extends object>(entity: new () => T) => t.app.get(DataSource).getRepository(entity);

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set(new Date('2026-11-05T10:00:00+08:00'));
    const office = await t.login('office');
    const imported = await request(t.http).post('/api/plans/import').set(as(office)).send({ text: PLAN_TEXT });
    await request(t.http).post(`/api/plans/${imported.body.id}/publish`).set(as(office)).expect(200);
    // The agriculture bureau reports November on time; the environment bureau does not, and the ladder runs.
    const agri = await unitIdByName(t, office, '阳江市农业农村局');
    const november = await repository(Obligation).findBy({ period: '2026-11' });
    submitted = november.find((o) => o.unitId === agri) as Obligation;
    waiting = november.find((o) => o.unitId !== agri) as Obligation;
    await request(t.http)
      .post(`/api/obligations/${submitted.id}/submissions`)
      .set(as(await t.login('liaison')))
      .send({ kind: 'progress', progressText: '已完成本月调度。', percentComplete: 40 })
      .expect(201);
    t.clock.set(new Date('2026-12-18T10:00:00+08:00'));
    await request(t.http)
      .post('/api/dev/clock')
      .set(as(await t.login('office')))
      .send({ now: '2026-12-18T10:00:00+08:00' })
      .expect(200);
    supervisionCase = await repository(SupervisionCase).findOneByOrFail({ unitId: waiting.unitId });
    const interview = await request(t.http)
      .post('/api/interviews')
      .set(as(await t.login('supervisor')))
      .send({
        unitId: waiting.unitId,
        caseId: supervisionCase.id,
        reason: '11月报告逾期，提前约谈',
        time: '2026-12-24T10:00:00+08:00',
        place: '领导小组办公室会议室',
        attendees: ['督查组'],
        followUpDueAt: '2027-01-15T18:00:00+08:00',
      })
      .expect(201);
    interviewId = (interview.body as { id: number }).id;
  });
  afterAll(async () => {
    await t.close();
  });

  const starts = async () =>
    new Map(
      (await repository(WorkflowCommandRecord).find({ where: { kind: 'start' }, order: { id: 'ASC' } })).map((c) => [
        c.workflowId,
        (JSON.parse(c.payload) as unknown[])[0],
      ]),
    );

  it('should start a workflow for every open obligation, ladder case and interview, and stop their timers', async () => {
    const pendingTimers = await repository(DurableTimer).countBy({ status: 'pending' });
    expect(pendingTimers).toBeGreaterThan(0);
    const report = await t.app.get(WorkflowAdoption).adopt();
    const open = await repository(Obligation).countBy({ status: 'open' });
    expect(report).toEqual({
      obligations: { recorded: open + 1, alreadyRecorded: 0 },
      cases: { recorded: 1, alreadyRecorded: 0 },
      interviews: { recorded: 1, alreadyRecorded: 0 },
      timersCancelled: expect.any(Number),
    });
    expect(report.timersCancelled).toBeGreaterThan(0);
    const ladderTimers = await repository(DurableTimer).find({ where: { status: 'pending' } });
    expect(ladderTimers.filter((timer) => ['obligation', 'case', 'interview'].includes(timer.subjectType))).toEqual([]);
  });

  it('should carry the steps issued in the current round, so none is issued again', async () => {
    const input = (await starts()).get(obligationWorkflowId(String(waiting.id))) as ReportingObligationInput;
    expect(input.obligation).toMatchObject({ id: String(waiting.id), period: '2026-11' });
    expect(input.carried?.status).toBe('open');
    // The clock jumped past the whole ladder: only its most severe step was issued (the others superseded).
    expect(input.carried?.steps).toEqual([{ kind: 'supervision_case', at: expect.any(Number), round: 0 }]);
    expect(input.carried?.steps[0].at).toBeGreaterThanOrEqual(Date.parse('2026-12-18T10:00:00+08:00'));
    expect(input.carried?.supervisionCaseIds).toEqual([String(supervisionCase.id)]);
  });

  it("should carry a submitted report's round, so the office's return or acceptance reaches it", async () => {
    const input = (await starts()).get(obligationWorkflowId(String(submitted.id))) as ReportingObligationInput;
    expect(input.carried).toMatchObject({ status: 'submitted', round: 0, submissionId: `${submitted.id}:r0` });
  });

  it('should give the case its deadline and the interview its current appointment', async () => {
    const all = await starts();
    expect(all.get(supervisionCaseWorkflowId(String(supervisionCase.id)))).toEqual({
      caseId: String(supervisionCase.id),
      unitId: String(supervisionCase.unitId),
      obligationId: String(waiting.id),
      openedAt: supervisionCase.openedAt.getTime(),
      rectificationDeadline: supervisionCase.rectificationDueAt.getTime(),
    });
    const interview = await repository(Interview).findOneByOrFail({ id: interviewId });
    expect(all.get(interviewWorkflowId(String(interviewId))) as InterviewWorkflowInput).toEqual({
      interviewId: String(interviewId),
      caseId: String(supervisionCase.id),
      unitId: String(waiting.unitId),
      appointment: { startsAt: interview.startsAt.getTime(), place: '领导小组办公室会议室', version: 1 },
    });
  });

  it('should record nothing new when run again', async () => {
    const before = await repository(WorkflowCommandRecord).count();
    const again = await t.app.get(WorkflowAdoption).adopt();
    expect(again.obligations.recorded + again.cases.recorded + again.interviews.recorded).toBe(0);
    expect(again.timersCancelled).toBe(0);
    expect(await repository(WorkflowCommandRecord).count()).toBe(before);
  });

  it("should run from the command line, keeping the starts for the API's relay while the server cannot be reached", async () => {
    const { stdout } = await run('npm', ['run', '--silent', 'cli', '--', 'workflows', 'adopt'], {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: t.database.url,
        DATA_DIR: t.config.dataDir,
        LOG_LEVEL: 'error',
        WORKFLOW_ENGINE: 'temporal',
        TEMPORAL_ADDRESS: '127.0.0.1:1',
      },
    });
    expect(stdout).toMatch(/obligations 报送义务: 0 started, \d+ already recorded/);
    expect(stdout).toContain('interviews 约谈: 0 started, 1 already recorded');
    expect(stdout).toContain('Temporal unreachable: 0 delivered');
    expect(await repository(WorkflowCommandRecord).countBy({ status: 'pending' })).toBeGreaterThan(0);
  }, 180_000);

  it('should hand every start to the engine once', async () => {
    const engine = new RecordingEngine();
    const relay = new WorkflowCommandRelay(t.app.get(DataSource), engine, t.app.get(Clock));
    const result = await relay.deliverPending();
    expect(result).toMatchObject({ ignored: 0, failed: 0, unavailable: false });
    expect(engine.started.sort()).toEqual([...(await starts()).keys()].sort());
    expect(new Set(engine.started).size).toBe(engine.started.length);
  });
});
