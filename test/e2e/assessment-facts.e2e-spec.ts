import { DataSource, EntityManager } from 'typeorm';
import { AssessmentFactsReader, DEFAULT_SCHEME, scoreUnit, UnitFacts } from '@app/assessment';
import { Unit, User } from '@app/org';
import { Assignment, Plan, PlanIndicator, Task, TaskDeadline } from '@app/plans';
import { Obligation, Review, Submission, SubmissionIndicatorValue } from '@app/reporting';
import { Interview, SupervisionCase, SupervisionCaseLink, Warning } from '@app/supervision';
import { startTestApp, TestApp } from '../factories/test-app';

const at = (local: string) => new Date(`${local}+08:00`);
const AS_OF = at('2026-12-31T12:00:00');

/**
 * The set-based reader against a real database (SQLite, or MariaDB with DATABASE_URL): a hand-built year whose
 * facts are known, row by row, including the edge cases the SQL must get right.
 */
describe(AssessmentFactsReader.name, () => {
  let t: TestApp;
  let em: EntityManager;
  let plan: Plan;
  let userId: number;
  const unit: Record<'a' | 'b' | 'c' | 'd', number> = { a: 0, b: 0, c: 0, d: 0 };
  const task: Record<'once' | 'ongoing' | 'yearEnd', number> = { once: 0, ongoing: 0, yearEnd: 0 };
  const ids: Record<string, number> = {};
  let facts: Map<number, UnitFacts>;

  beforeAll(async () => {
    t = await startTestApp();
    em = t.app.get(DataSource).manager;
    const byName = async (name: string) => (await em.findOneByOrFail(Unit, { name })).id;
    unit.a = await byName('阳江市农业农村局');
    unit.b = await byName('阳江市生态环境局');
    unit.c = await byName('阳江市自然资源局');
    unit.d = await byName('阳西县人民政府');
    userId = (await em.findOneByOrFail(User, { username: 'office' })).id;
    await buildYear();
    const reader = t.app.get(AssessmentFactsReader);
    const read = await t.app
      .get(DataSource)
      .transaction((tx) => reader.read(tx, { plan, year: 2026, asOf: AS_OF, runId: null }));
    facts = read.facts;
  });
  afterAll(async () => t.close());

  async function buildYear(): Promise<void> {
    const now = at('2026-01-01T09:00:00');
    const government = await em.findOneByOrFail(Unit, { name: '阳江市人民政府' });
    plan = await em.save(
      em.create(Plan, {
        title: '事实读取测试计划',
        governmentId: government.id,
        issuingUnitId: government.id,
        yearStart: 2025,
        yearEnd: 2026,
        status: 'published',
        sourceText: null,
        sourceFilename: null,
        sourceForm: null,
        reporting: { leadDueDay: 3, participantDueDay: 1, acknowledgeWorkingDays: 3 },
        importNotes: null,
        createdBy: 'test',
        createdAt: now,
        updatedAt: now,
        publishedAt: now,
      }),
    );
    const newTask = async (position: number, deadline: { kind: 'once' | 'ongoing'; date: string | null }) => {
      const saved = await em.save(
        em.create(Task, {
          planId: plan.id,
          ref: `一/${position}`,
          position,
          title: `任务${position}`,
          text: `任务${position}`,
          localResponsibility: true,
          status: 'active',
          reportingCycle: 'monthly',
          sourceLine: null,
          createdAt: now,
          updatedAt: now,
        }),
      );
      await em.insert(TaskDeadline, {
        taskId: saved.id,
        raw: '期限',
        date: deadline.date,
        kind: deadline.kind,
        every: null,
        position: 1,
      });
      return saved.id;
    };
    task.once = await newTask(1, { kind: 'once', date: '2026-06-30' });
    task.ongoing = await newTask(2, { kind: 'ongoing', date: null });
    task.yearEnd = await newTask(3, { kind: 'once', date: '2026-12-31' });
    const assign = (taskId: number, unitId: number, role: Assignment['role']) =>
      em.insert(Assignment, {
        planId: plan.id,
        taskId,
        unitId,
        role,
        status: 'acknowledged',
        acknowledgeDueAt: now,
        acknowledgedAt: now,
        acknowledgedBy: userId,
        createdAt: now,
      });
    await assign(task.once, unit.a, 'lead');
    await assign(task.ongoing, unit.a, 'lead');
    await assign(task.ongoing, unit.b, 'lead');
    await assign(task.once, unit.b, 'participant');
    await assign(task.yearEnd, unit.c, 'lead');
    await assign(task.once, unit.d, 'local');

    // 市农业农村局: its once-task reported every month on time, 100 % in May; its ongoing task late in January,
    // late then returned and resubmitted on time in February, waived in March, December not yet due.
    for (const [month, percent, rating] of [
      [1, 20, 5],
      [2, 40, 5],
      [3, 60, 4],
      [4, 80, 4],
      [5, 100, 3],
    ] as const) {
      const o = await obligation(unit.a, task.once, `2026-0${month}`, { status: 'accepted' });
      const s = await submission(o, 0, { percent, late: false });
      await review(o, s, rating);
      if (month === 3) {
        ids.indicatorEarly = s.id;
      }
      if (month === 5) {
        ids.met = s.id;
        ids.lowRating = s.id;
      }
    }
    const jan = await obligation(unit.a, task.ongoing, '2026-01', { status: 'accepted', late: true });
    ids.lateJan = jan.id;
    await review(jan, await submission(jan, 0, { late: true }), null);
    const feb = await obligation(unit.a, task.ongoing, '2026-02', { status: 'accepted', round: 1, late: false });
    ids.returnedFeb = feb.id;
    await submission(feb, 0, { late: true, status: 'returned' });
    const febAgain = await submission(feb, 1, { late: false });
    await review(feb, febAgain, 5);
    await obligation(unit.a, task.ongoing, '2026-03', { status: 'waived' });
    const apr = await obligation(unit.a, task.ongoing, '2026-04', { status: 'open' });
    ids.missingApr = apr.id;
    await obligation(unit.a, task.ongoing, '2026-12', { status: 'open', dueAt: at('2027-01-05T18:00:00') });
    await obligation(unit.a, task.ongoing, '2025-12', { status: 'open', dueAt: at('2026-01-05T18:00:00') });

    // Indicators: one of the once-task (expected from its leads), one owned by 市生态环境局, one plan-wide.
    const indicator = (name: string, taskId: number | null, owner: number | null, target: number) =>
      em.save(
        em.create(PlanIndicator, {
          planId: plan.id,
          taskId,
          name,
          comparator: '>=',
          target,
          unit: '%',
          approximate: false,
          baseline: null,
          targetDate: '2026-12-31',
          ownerUnitId: owner,
          raw: name,
        }),
      );
    const ofTask = await indicator('受污染耕地安全利用率', task.once, null, 90);
    const owned = await indicator('污染地块安全利用率', null, unit.b, 95);
    const planWide = await indicator('监测点位覆盖率', null, null, 100);
    ids.ofTask = ofTask.id;
    ids.owned = owned.id;
    ids.planWide = planWide.id;
    await em.insert(SubmissionIndicatorValue, { submissionId: ids.indicatorEarly, indicatorId: ofTask.id, value: 80 });
    await em.insert(SubmissionIndicatorValue, { submissionId: ids.met, indicatorId: ofTask.id, value: 94.5 });
    await em.insert(SubmissionIndicatorValue, { submissionId: ids.met, indicatorId: planWide.id, value: 50 });
    // A value for an indicator owned by another unit does not count for 市农业农村局.
    await em.insert(SubmissionIndicatorValue, { submissionId: ids.met, indicatorId: owned.id, value: 10 });

    // 市生态环境局: every month of its ongoing task declared 无此项任务, on time.
    for (const month of [1, 2, 3, 4, 5, 6]) {
      const o = await obligation(unit.b, task.ongoing, `2026-0${month}`, { status: 'accepted' });
      await submission(o, 0, { kind: 'no_task' });
    }
    // 市自然资源局: 无此项任务 all year on a year-end once-task; its 2025 December report was escalated in 2026.
    const lastYear = await obligation(unit.c, task.yearEnd, '2025-12', {
      status: 'open',
      dueAt: at('2026-01-05T18:00:00'),
    });
    for (const month of [10, 11]) {
      const o = await obligation(unit.c, task.yearEnd, `2026-${month}`, { status: 'accepted' });
      await submission(o, 0, { kind: 'no_task' });
    }
    // 阳西县人民政府: carries the once-task locally, never reported complete; its June report was due in July.
    await obligation(unit.d, task.once, '2026-06', { status: 'accepted', dueAt: at('2026-07-03T18:00:00') });

    const warn = async (unitId: number, kind: Warning['kind'], obligationId: number | null, issuedAt: Date) =>
      (
        await em.save(
          em.create(Warning, {
            kind,
            unitId,
            planId: plan.id,
            taskId: null,
            obligationId,
            reason: '测试预警',
            dedupKey: `test:${unitId}:${kind}:${obligationId}:${issuedAt.getTime()}`,
            issuedAt,
            issuedBy: 'test',
          }),
        )
      ).id;
    ids.yellowApr = await warn(unit.a, 'yellow', apr.id, at('2026-05-06T09:00:00'));
    ids.redApr = await warn(unit.a, 'red', apr.id, at('2026-05-12T09:00:00'));
    ids.lagA = await warn(unit.a, 'progress_lag', null, at('2026-07-01T09:00:00'));
    // Issued in 2026 about a 2025 report: it belongs to 2025.
    await warn(unit.c, 'yellow', lastYear.id, at('2026-01-06T09:00:00'));

    const openCase = async (unitId: number, number: number, openedAt: Date, linkTo: number | null) => {
      const saved = await em.save(
        em.create(SupervisionCase, {
          governmentId: plan.governmentId,
          year: 2026,
          number,
          unitId,
          planId: plan.id,
          reason: '测试督办',
          status: 'open',
          rectificationDueAt: openedAt,
          openedAt,
          openedBy: 'test',
          dedupKey: null,
          acknowledgedAt: null,
          acknowledgedBy: null,
          closedAt: null,
          closedBy: null,
          updatedAt: openedAt,
        }),
      );
      if (linkTo !== null) {
        await em.insert(SupervisionCaseLink, { caseId: saved.id, kind: 'obligation', refId: linkTo });
      }
      return saved.id;
    };
    ids.caseApr = await openCase(unit.a, 1, at('2026-05-20T09:00:00'), apr.id);
    await openCase(unit.c, 2, at('2026-01-20T09:00:00'), lastYear.id);
    const interview = async (caseId: number, status: Interview['status']) =>
      (
        await em.save(
          em.create(Interview, {
            governmentId: plan.governmentId,
            unitId: unit.a,
            caseId,
            reason: '测试约谈',
            principalHead: '局长',
            startsAt: at('2026-06-10T09:00:00'),
            endsAt: at('2026-06-10T10:00:00'),
            place: '会议室',
            attendees: [],
            followUpDueAt: at('2026-06-30T18:00:00'),
            status,
            minutes: null,
            scheduledBy: 'test',
            dedupKey: null,
            createdAt: at('2026-06-01T09:00:00'),
            updatedAt: at('2026-06-01T09:00:00'),
          }),
        )
      ).id;
    ids.interview = await interview(ids.caseApr, 'held');
    await interview(ids.caseApr, 'cancelled');
  }

  async function obligation(
    unitId: number,
    taskId: number,
    period: string,
    options: { status: Obligation['status']; late?: boolean; round?: number; dueAt?: Date },
  ): Promise<Obligation> {
    const start = `${period}-01`;
    return em.save(
      em.create(Obligation, {
        planId: plan.id,
        taskId,
        unitId,
        role: 'lead',
        period,
        periodStart: start,
        dueAt: options.dueAt ?? at(`${period}-28T18:00:00`),
        status: options.status,
        round: options.round ?? 0,
        currentSubmissionId: null,
        submittedAt: options.status === 'open' || options.status === 'waived' ? null : at(`${period}-20T10:00:00`),
        late: options.late ?? false,
        returnedAt: null,
        acceptedAt: null,
        reviewedBy: null,
        createdAt: at(`${start}T09:00:00`),
        updatedAt: at(`${start}T09:00:00`),
      }),
    );
  }

  async function submission(
    o: Obligation,
    round: number,
    options: { percent?: number; late?: boolean; kind?: Submission['kind']; status?: Submission['status'] },
  ): Promise<Submission> {
    const kind = options.kind ?? 'progress';
    return em.save(
      em.create(Submission, {
        obligationId: o.id,
        round,
        kind,
        progressText: kind === 'progress' ? '进展' : null,
        percentComplete: kind === 'progress' ? (options.percent ?? 50) : null,
        declaresComplete: options.percent === 100,
        submittedBy: userId,
        submittedAt: o.submittedAt ?? o.dueAt,
        late: options.late ?? false,
        status: options.status ?? (o.status === 'accepted' ? 'accepted' : 'pending'),
      }),
    );
  }

  async function review(o: Obligation, s: Submission, rating: number | null): Promise<void> {
    await em.insert(Review, {
      obligationId: o.id,
      submissionId: s.id,
      round: s.round,
      decision: 'accepted',
      rating,
      comment: null,
      reviewerId: userId,
      reviewerUnitId: plan.governmentId,
      reviewedAt: o.dueAt,
      newDueAt: null,
    });
    // What submitting and accepting write on the obligation itself.
    await em.update(
      Obligation,
      { id: o.id },
      { currentSubmissionId: s.id, acceptedRating: rating, acceptedComplete: s.declaresComplete },
    );
  }

  const of = (unitId: number) => facts.get(unitId) as UnitFacts;

  it('should count due and reported obligations of the year, waived and not-yet-due ones left out', () => {
    // 市农业农村局: 5 + January + February + April due; March waived; December not due; 2025 another year.
    expect(of(unit.a)).toMatchObject({ obligationsCounted: 8, obligationsOnTime: 5 });
  });

  it('should keep a report late once any of its rounds was late, and tell missing from late', () => {
    expect(of(unit.a).missed).toEqual([
      { obligationId: ids.lateJan, missing: false },
      { obligationId: ids.returnedFeb, missing: false },
      { obligationId: ids.missingApr, missing: true },
    ]);
  });

  it('should count 无此项任务 declarations as reports on time', () => {
    expect(of(unit.b)).toMatchObject({ obligationsCounted: 6, obligationsOnTime: 6, missed: [] });
  });

  it('should meet a once-deadline with an accepted 100 % report of a period before it', () => {
    expect(of(unit.a).completion).toEqual([{ taskId: task.once, deadline: '2026-06-30', metSubmissionId: ids.met }]);
  });

  it('should count a missed deadline once its report is due, and leave out a task declared 无此项任务 all year', () => {
    expect(of(unit.d).completion).toEqual([{ taskId: task.once, deadline: '2026-06-30', metSubmissionId: null }]);
    expect(of(unit.c)).toMatchObject({ completion: [], completionNotConcerned: 1 });
    expect(of(unit.b).completion).toEqual([]);
  });

  it('should gather the accepted ratings with the low ones for the trace', () => {
    expect(of(unit.a).ratings).toEqual([0, 0, 0, 1, 2, 3]);
    expect(of(unit.a).lowRatings).toEqual([{ submissionId: ids.lowRating, rating: 3 }]);
  });

  it('should take the latest actual per indicator, for the owner only, and list expected ones without actuals', () => {
    expect(of(unit.a).indicators.map((i) => [i.indicatorId, i.actual])).toEqual([
      [ids.ofTask, 94.5],
      [ids.planWide, 50],
    ]);
    expect(of(unit.d).indicators.map((i) => [i.indicatorId, i.actual])).toEqual([[ids.ofTask, null]]);
    expect(of(unit.b).indicators.map((i) => [i.indicatorId, i.actual])).toEqual([[ids.owned, null]]);
  });

  it('should attribute warnings, cases and interviews to the year of the report they are about', () => {
    expect(of(unit.a).warnings).toEqual([
      { id: ids.yellowApr, kind: 'yellow' },
      { id: ids.redApr, kind: 'red' },
      { id: ids.lagA, kind: 'progress_lag' },
    ]);
    expect(of(unit.a).cases).toEqual([ids.caseApr]);
    expect(of(unit.a).interviews).toEqual([ids.interview]);
    expect(of(unit.c)).toMatchObject({ warnings: [], cases: [] });
  });

  it('should score the year as computed by hand', () => {
    // timeliness 5/8 → 25 × 0.625 = 15.625 → 15.63; completion 1/1 → 40; ratings (3×5 + 2×4 + 3) / 6 = 26/6 →
    // 15 × 26/30 = 13; indicators (94.5/90 capped → 1, 50/100 → 0.5) → 20 × 0.75 = 15; yellow free, red −2,
    // progress lag 0, case −2, interview −3 → 83.63 − 7 = 76.63.
    const score = scoreUnit(of(unit.a), DEFAULT_SCHEME);
    expect(score.breakdown).toMatchObject({
      timeliness: 15.63,
      completion: 40,
      reviewQuality: 13,
      indicators: 15,
      deductions: -7,
      total: 76.63,
    });
  });
});
