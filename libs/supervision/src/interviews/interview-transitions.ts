import { DomainError } from '@app/core';
import type { InterviewStatus } from './interview.entity';

export const INTERVIEW_STATUS_LABELS: Record<InterviewStatus, string> = {
  scheduled: '已安排',
  held: '已约谈',
  followed_up: '已报送整改落实情况',
  closed: '已办结',
  cancelled: '已取消',
};

export const INTERVIEW_ACTIONS = ['reschedule', 'record_minutes', 'report_follow_up', 'close', 'cancel'] as const;
export type InterviewAction = (typeof INTERVIEW_ACTIONS)[number];

export const INTERVIEW_ACTION_LABELS: Record<InterviewAction, string> = {
  reschedule: '调整约谈时间地点',
  record_minutes: '记录约谈纪要',
  report_follow_up: '报送整改落实情况',
  close: '办结',
  cancel: '取消约谈',
};

/**
 * Until it takes place, the office may move the interview (a new appointment, with a new invitation). Minutes mark
 * the interview as held. The unit then reports its follow-up (any number of times); the supervisor
 * closes it, also without a follow-up report when the follow-up runs through the supervision case. Only an
 * interview that has not taken place can be cancelled.
 */
const TRANSITIONS: Record<InterviewAction, { from: readonly InterviewStatus[]; to: InterviewStatus }> = {
  reschedule: { from: ['scheduled'], to: 'scheduled' },
  record_minutes: { from: ['scheduled'], to: 'held' },
  report_follow_up: { from: ['held', 'followed_up'], to: 'followed_up' },
  close: { from: ['held', 'followed_up'], to: 'closed' },
  cancel: { from: ['scheduled'], to: 'cancelled' },
};

export function nextInterviewStatus(current: InterviewStatus, action: InterviewAction): InterviewStatus {
  const transition = TRANSITIONS[action];
  if (!transition.from.includes(current)) {
    throw new DomainError(
      'CONFLICT',
      `约谈当前状态为“${INTERVIEW_STATUS_LABELS[current]}”（${current}），不能${INTERVIEW_ACTION_LABELS[action]}`,
      { status: [`当前状态：${current}`] },
    );
  }
  return transition.to;
}
