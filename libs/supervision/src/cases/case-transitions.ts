import { DomainError } from '@app/core';
import type { CaseStatus } from './supervision-case.entity';

export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  open: '待签收',
  acknowledged: '已签收',
  rectifying: '整改中',
  closure_requested: '待核查销号',
  closed: '已销号',
};

/** What people do to a case. Opening is not an action: a case starts `open`. */
export const CASE_ACTIONS = [
  'acknowledge',
  'report_rectification',
  'request_closure',
  'accept_closure',
  'reject_closure',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

export const CASE_ACTION_LABELS: Record<CaseAction, string> = {
  acknowledge: '签收',
  report_rectification: '报送整改情况',
  request_closure: '申请销号',
  accept_closure: '核查通过并销号',
  reject_closure: '核查不通过',
};

/**
 * The case machine. The unit acknowledges (签收) before anything else, so the office knows the notice arrived;
 * it may report rectification any number of times and ask for closure with evidence once it is done (directly
 * after acknowledging too: a quick fix needs no interim report). Only the supervisor's verification closes a
 * case; a rejected request sends it back to rectifying. A closed case is final.
 */
const TRANSITIONS: Record<CaseAction, { from: readonly CaseStatus[]; to: CaseStatus }> = {
  acknowledge: { from: ['open'], to: 'acknowledged' },
  report_rectification: { from: ['acknowledged', 'rectifying'], to: 'rectifying' },
  request_closure: { from: ['acknowledged', 'rectifying'], to: 'closure_requested' },
  accept_closure: { from: ['closure_requested'], to: 'closed' },
  reject_closure: { from: ['closure_requested'], to: 'rectifying' },
};

export function canApplyCaseAction(current: CaseStatus, action: CaseAction): boolean {
  return TRANSITIONS[action].from.includes(current);
}

/** The status after `action`, or a CONFLICT naming the current status when the action is not allowed now. */
export function nextCaseStatus(current: CaseStatus, action: CaseAction): CaseStatus {
  const transition = TRANSITIONS[action];
  if (!transition.from.includes(current)) {
    throw new DomainError(
      'CONFLICT',
      `督办事项当前状态为“${CASE_STATUS_LABELS[current]}”（${current}），不能${CASE_ACTION_LABELS[action]}`,
      { status: [`当前状态：${current}`] },
    );
  }
  return transition.to;
}
