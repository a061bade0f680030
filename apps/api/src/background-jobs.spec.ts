import { AuditSealPoller } from '@app/audit';
import { PeriodCyclePoller } from '@app/escalation';
import { OutboxPoller } from '@app/notify';
import { EmbeddedPoller, WorkflowCommandPoller } from '@app/workflows';
import { backgroundJobs } from './background-jobs';

describe(backgroundJobs.name, () => {
  it('should open the months in the API only on the embedded engine', () => {
    expect(backgroundJobs({ backgroundJobs: true, workflowEngine: 'embedded' })).toEqual([
      EmbeddedPoller,
      OutboxPoller,
      AuditSealPoller,
      PeriodCyclePoller,
    ]);
  });

  it("should leave the months to Temporal's cycle and relay the workflow commands in Temporal mode", () => {
    const jobs = backgroundJobs({ backgroundJobs: true, workflowEngine: 'temporal' });
    expect(jobs).toEqual([EmbeddedPoller, OutboxPoller, AuditSealPoller, WorkflowCommandPoller]);
    expect(jobs).not.toContain(PeriodCyclePoller);
  });

  it('should run nothing when background jobs are off', () => {
    expect(backgroundJobs({ backgroundJobs: false, workflowEngine: 'temporal' })).toEqual([]);
    expect(backgroundJobs({ backgroundJobs: false, workflowEngine: 'embedded' })).toEqual([]);
  });
});
