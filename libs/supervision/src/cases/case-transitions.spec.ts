import { DomainError } from '@app/core';
import { CASE_STATUSES, CaseStatus } from './supervision-case.entity';
import { CASE_ACTIONS, CaseAction, canApplyCaseAction, nextCaseStatus } from './case-transitions';

describe('nextCaseStatus', () => {
  const run = (actions: CaseAction[]): CaseStatus =>
    actions.reduce<CaseStatus>((status, action) => nextCaseStatus(status, action), 'open');

  it('should walk open → acknowledged → rectifying → closure_requested → closed when the unit works the case', () => {
    expect(run(['acknowledge'])).toBe('acknowledged');
    expect(run(['acknowledge', 'report_rectification'])).toBe('rectifying');
    expect(run(['acknowledge', 'report_rectification', 'report_rectification'])).toBe('rectifying');
    expect(run(['acknowledge', 'report_rectification', 'request_closure'])).toBe('closure_requested');
    expect(run(['acknowledge', 'report_rectification', 'request_closure', 'accept_closure'])).toBe('closed');
  });

  it('should send the case back to rectifying when the supervisor rejects the closure request', () => {
    expect(run(['acknowledge', 'request_closure', 'reject_closure'])).toBe('rectifying');
    expect(run(['acknowledge', 'request_closure', 'reject_closure', 'request_closure', 'accept_closure'])).toBe(
      'closed',
    );
  });

  it('should let the unit ask for closure right after acknowledging when the fix was quick', () => {
    expect(run(['acknowledge', 'request_closure'])).toBe('closure_requested');
  });

  it('should refuse with a CONFLICT naming the current status when the move is not allowed', () => {
    const attempt = () => nextCaseStatus('open', 'report_rectification');
    expect(attempt).toThrow(DomainError);
    try {
      attempt();
    } catch (error) {
      expect((error as DomainError).code).toBe('CONFLICT');
      expect((error as DomainError).message).toContain('待签收');
      expect((error as DomainError).message).toContain('open');
    }
  });

  it('should make closed final when any action is tried', () => {
    for (const action of CASE_ACTIONS) {
      expect(canApplyCaseAction('closed', action)).toBe(false);
    }
  });

  it('should allow closing only from closure_requested, so no case is closed without verification', () => {
    const closable = CASE_STATUSES.filter((status) => canApplyCaseAction(status, 'accept_closure'));
    expect(closable).toEqual(['closure_requested']);
  });

  it('should need acknowledgement before anything else when the case is open', () => {
    expect(CASE_ACTIONS.filter((action) => canApplyCaseAction('open', action))).toEqual(['acknowledge']);
  });
});
