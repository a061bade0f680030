import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '@app/core';
import { EmbeddedEngine, WorkingCalendarProvider } from '@app/workflows';
import { PlanLadderReader } from '../plan-ladder/plan-ladder.reader';
import { nextOfficeOpening, planCalendar } from './plan-calendar';

export const PROGRESS_LAG_TIMER = 'progress_lag';

/**
 * Whether the report just submitted can be checked at all: it carries a % complete, it goes to the office (a
 * participant's part goes to its lead, who reports the task), and its task has an end date. One indexed read on the
 * submission's path; the window itself is worked out when the check runs.
 */
const CHECKABLE_REPORT =
  'SELECT o.plan_id AS plan_id FROM reporting_obligation o ' +
  'JOIN reporting_submission s ON s.id = o.current_submission_id ' +
  "WHERE o.id = ? AND o.role <> 'participant' AND s.percent_complete IS NOT NULL " +
  "AND EXISTS (SELECT 1 FROM task_deadline d WHERE d.task_id = o.task_id AND d.kind = 'once' AND d.date IS NOT NULL)";

/**
 * Plans the progress-lag check (进度滞后预警) of a report when it is submitted, in the submission's transaction: a
 * durable timer at the next office opening, so the figure is judged inside office hours and a unit is not warned
 * the minute it reports. A later submission for the same obligation (after a return) plans it again.
 */
@Injectable()
export class ProgressLagPlanner {
  constructor(
    private readonly engine: EmbeddedEngine,
    private readonly calendars: WorkingCalendarProvider,
    private readonly ladders: PlanLadderReader,
    private readonly clock: Clock,
  ) {}

  async onSubmitted(em: EntityManager, obligationId: number): Promise<void> {
    const rows = await em.query<Array<{ plan_id: number }>>(CHECKABLE_REPORT, [obligationId]);
    if (rows.length === 0) {
      return;
    }
    const calendar = planCalendar(this.calendars.calendar(), await this.ladders.state(em, Number(rows[0].plan_id)));
    await this.engine.schedule(em, PROGRESS_LAG_TIMER, obligationId, nextOfficeOpening(calendar, this.clock.now()));
  }
}
