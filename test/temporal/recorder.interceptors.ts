import { proxySinks, type Sinks, type WorkflowInterceptorsFactory } from '@temporalio/workflow';

/*
 * Bundled into the test's workflow bundle only: reports every command the workflow code issues, with its
 * arguments and the workflow time, through a sink that also runs during replay. Replay compares the shape of
 * the commands with the history; these records let the tests compare what it does not (arguments, timer
 * durations, results).
 */

export type RecordedCall =
  | { readonly type: 'activity'; readonly activityType: string; readonly input: unknown; readonly now: number }
  | { readonly type: 'timer'; readonly seq: number; readonly durationMs: number; readonly now: number }
  | {
      readonly type: 'child';
      readonly workflowType: string;
      readonly workflowId: string;
      readonly input: unknown;
      readonly now: number;
    }
  | { readonly type: 'continueAsNew'; readonly input: unknown; readonly now: number }
  | { readonly type: 'result'; readonly value: unknown; readonly now: number }
  | { readonly type: 'failure'; readonly message: string; readonly now: number };

export interface RecorderSinks extends Sinks {
  recorder: { record(call: RecordedCall): void };
}

const { recorder } = proxySinks<RecorderSinks>();

export const interceptors: WorkflowInterceptorsFactory = () => ({
  outbound: [
    {
      scheduleActivity(input, next) {
        recorder.record({ type: 'activity', activityType: input.activityType, input: input.args[0], now: Date.now() });
        return next(input);
      },
      startTimer(input, next) {
        recorder.record({ type: 'timer', seq: input.seq, durationMs: input.durationMs, now: Date.now() });
        return next(input);
      },
      startChildWorkflowExecution(input, next) {
        recorder.record({
          type: 'child',
          workflowType: input.workflowType,
          workflowId: input.options.workflowId,
          input: input.options.args[0],
          now: Date.now(),
        });
        return next(input);
      },
      continueAsNew(input, next) {
        recorder.record({ type: 'continueAsNew', input: input.args[0], now: Date.now() });
        return next(input);
      },
    },
  ],
  inbound: [
    {
      async execute(input, next) {
        try {
          const value = await next(input);
          recorder.record({ type: 'result', value, now: Date.now() });
          return value;
        } catch (error) {
          const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
          recorder.record({ type: 'failure', message, now: Date.now() });
          throw error;
        }
      },
    },
  ],
});
