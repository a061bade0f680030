import { Inject, Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '@app/audit';
import { APP_CONFIG, AppConfig } from '@app/config';
import { systemActor, UnitOfWork } from '@app/core';
import { Plan } from '@app/plans';
import { dueDateFor, Obligation, ReportingSettingsService } from '@app/reporting';
import { Circular, CircularsService, circularNumber } from '@app/supervision';
import { DurableTimer, EmbeddedEngine, TimerHandler, WorkingCalendarProvider } from '@app/workflows';
import { StepNotices } from '../step-notices';
import { CircularNotices } from './circular-notices';
import { circularDueAt, circularSubject, parseCircularSubject } from './circular-schedule';
import { overdueUnits, periodsListedFor } from './overdue-units';

export const CIRCULAR_TIMER = 'circular';

const ENGINE = systemActor('escalation');

/**
 * The monthly circular (通报) of overdue units, once per office (the plans' government) and month, on the embedded
 * engine: when the cycle opens a month, each office with published plans gets a durable timer for the month
 * before, due some working days after that month's lead due date (`config.circular`). The timer composes the
 * circular (numbered 通报〔year〕N号 when issued) and delivers it to every member unit; the timer row, the circular's
 * UNIQUE (office, period) and the notices' keys make it happen exactly once.
 */
@Injectable()
export class MonthlyCirculars implements TimerHandler {
  private readonly logger = new Logger(MonthlyCirculars.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly unitOfWork: UnitOfWork,
    private readonly engine: EmbeddedEngine,
    private readonly calendars: WorkingCalendarProvider,
    private readonly settings: ReportingSettingsService,
    private readonly circulars: CircularsService,
    private readonly notices: CircularNotices,
    private readonly offices: StepNotices,
    private readonly audit: AuditService,
  ) {}

  /**
   * Plans the circular of `period` for every office with published plans, unless it is planned or issued already
   * (so the cycle catching up again, in any instance, changes nothing). Returns the offices newly planned.
   */
  async plan(period: string): Promise<number> {
    return this.unitOfWork.run(async (em) => {
      const plans = await em.find(Plan, {
        select: { id: true, governmentId: true, reporting: true, status: true },
        where: { status: 'published' },
      });
      const calendar = this.calendars.calendar();
      let planned = 0;
      for (const governmentId of new Set(plans.map((p) => p.governmentId))) {
        const subjectId = circularSubject(governmentId, period);
        const known =
          (await em.existsBy(DurableTimer, { subjectType: CIRCULAR_TIMER, subjectId })) ||
          (await em.existsBy(Circular, { governmentId, period }));
        if (known) {
          continue;
        }
        const dueDates: string[] = [];
        for (const plan of plans.filter((p) => p.governmentId === governmentId)) {
          const rules = await this.settings.rules(plan, em);
          dueDates.push(dueDateFor(period, rules.leadDueDay, calendar));
        }
        const { workingDaysAfterDue, time } = this.config.circular;
        const dueAt = circularDueAt(dueDates, calendar, workingDaysAfterDue, time);
        await this.engine.schedule(em, CIRCULAR_TIMER, subjectId, new Date(dueAt));
        planned++;
      }
      return planned;
    });
  }

  /** The timer: composes and delivers the circular, or nothing when the office had no report due that month. */
  async run(em: EntityManager, subjectId: string, now: Date): Promise<Date | null> {
    const subject = parseCircularSubject(subjectId);
    if (!subject || (await em.existsBy(Circular, subject))) {
      return null;
    }
    const hadReports = await em
      .getRepository(Obligation)
      .createQueryBuilder('o')
      .innerJoin(Plan, 'p', 'p.id = o.plan_id')
      .where('p.government_id = :governmentId', { governmentId: subject.governmentId })
      .andWhere('o.period IN (:...periods)', { periods: periodsListedFor(subject.period) })
      .andWhere("o.role IN ('lead', 'local')")
      .getExists();
    if (!hadReports) {
      return null;
    }
    const calendar = this.calendars.calendar();
    const overdue = await overdueUnits(em, subject.governmentId, subject.period, now, calendar);
    const circular = await this.circulars.compose(em, { ...subject, overdue, actor: ENGINE });
    const plan = await em.findOne(Plan, {
      select: { id: true, issuingUnitId: true, governmentId: true },
      where: { governmentId: subject.governmentId, status: 'published' },
      order: { id: 'ASC' },
    });
    const officeName = plan ? await this.offices.officeName(em, plan) : '领导小组办公室';
    const delivery = await this.notices.deliver(em, circular, officeName);
    await this.audit.record(em, {
      actor: ENGINE,
      action: 'circular.deliver',
      entityType: 'circular',
      entityId: circular.id,
      unitId: subject.governmentId,
      after: { number: circularNumber(circular.year, circular.number), period: subject.period, ...delivery },
    });
    this.logger.log({ msg: 'circular issued', circularId: circular.id, ...subject, ...delivery });
    return null;
  }
}
