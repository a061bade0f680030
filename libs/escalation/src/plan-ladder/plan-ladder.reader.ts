import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { EscalationLadder } from '@app/workflows';
import { DEFAULT_PLAN_LADDER, escalationLadderOf, PlanLadder } from './plan-ladder-rules';
import { PlanLadderSetting } from './plan-ladder.entity';

export interface PlanLadderState {
  readonly planId: number;
  readonly ladder: PlanLadder;
  /** False while the plan follows the default ladder. */
  readonly custom: boolean;
  readonly updatedBy: string | null;
  readonly updatedAt: Date | null;
}

/** Reads a plan's ladder: the office's setting, else the default. The engine asks at every decision. */
@Injectable()
export class PlanLadderReader {
  async state(em: EntityManager, planId: number): Promise<PlanLadderState> {
    const setting = await em.findOneBy(PlanLadderSetting, { planId });
    return setting
      ? { planId, ladder: ladderOf(setting), custom: true, updatedBy: setting.updatedBy, updatedAt: setting.updatedAt }
      : { planId, ladder: DEFAULT_PLAN_LADDER, custom: false, updatedBy: null, updatedAt: null };
  }

  /** The plan's ladder for the policy; `undefined` when the plan follows the default. */
  async forPlan(em: EntityManager, planId: number): Promise<EscalationLadder | undefined> {
    const setting = await em.findOneBy(PlanLadderSetting, { planId });
    return setting ? escalationLadderOf(ladderOf(setting)) : undefined;
  }
}

function ladderOf(setting: PlanLadderSetting): PlanLadder {
  return {
    reminderWorkingDaysBeforeDue: setting.reminderWorkingDaysBeforeDue,
    remindOnDueDate: setting.remindOnDueDate,
    yellowWarningAfterWorkingDays: setting.yellowWarningAfterWorkingDays,
    redWarningAfterWorkingDays: setting.redWarningAfterWorkingDays,
    supervisionAfterWorkingDays: setting.supervisionAfterWorkingDays,
    supervisionOnConsecutiveOverdue: setting.supervisionOnConsecutiveOverdue,
    rectificationWorkingDays: setting.rectificationWorkingDays,
    officeOpensAt: setting.officeOpensAt,
    officeClosesAt: setting.officeClosesAt,
    progressLagMarginPoints: setting.progressLagMarginPoints,
  };
}
