import * as path from 'node:path';
import { DefaultLogger, Runtime, Worker, type ReplayResult } from '@temporalio/worker';
import type { temporal } from '@temporalio/proto';
import { bundleWorkflows } from '../../apps/worker/src/workflow-bundle';
import type { RecordedCall } from './recorder.interceptors';

export const RECORDER_INTERCEPTORS = path.resolve(__dirname, 'recorder.interceptors.ts');

let runtimeReady = false;

/** Keeps the SDK's own logs to warnings: a replay worker logs every state change at INFO. */
export function quietRuntime(): void {
  if (runtimeReady) {
    return;
  }
  runtimeReady = true;
  try {
    Runtime.install({ logger: new DefaultLogger('WARN') });
  } catch {
    // Installed already by another test file in this process: keep that one.
  }
}

/** The production workflows plus the recorder; built once per test run (about a second). */
export async function bundleWithRecorder(): Promise<string> {
  quietRuntime();
  const bundle = await bundleWorkflows({
    workflowInterceptorModules: [RECORDER_INTERCEPTORS],
    logger: new DefaultLogger('WARN'),
  });
  return bundle.code;
}

export interface ReplayInput {
  /**
   * Unique per history, given to the replay as its workflow id: runs of one chain of continue-as-new share their
   * real workflow id, and the recorder must tell them apart. Workflow code never reads its own id.
   */
  readonly runId: string;
  readonly history: temporal.api.history.v1.History;
}

export interface ReplayOutcome {
  readonly results: ReadonlyMap<string, ReplayResult>;
  /** Run id → what the workflow did, in order. */
  readonly calls: ReadonlyMap<string, readonly RecordedCall[]>;
}

/** Replays every history through one replay worker, recording each run's commands. */
export async function replayAll(code: string, histories: readonly ReplayInput[]): Promise<ReplayOutcome> {
  quietRuntime();
  const calls = new Map<string, RecordedCall[]>();
  const results = new Map<string, ReplayResult>();
  const source = histories.map(({ runId, history }) => ({ workflowId: runId, history }));
  const sinks = {
    recorder: {
      record: {
        fn: (info: { workflowId: string }, call: RecordedCall) => {
          const list = calls.get(info.workflowId) ?? [];
          list.push(call);
          calls.set(info.workflowId, list);
        },
        callDuringReplay: true,
      },
    },
  };
  for await (const result of Worker.runReplayHistories({ workflowBundle: { code }, sinks }, source)) {
    results.set(result.workflowId, result);
  }
  return { results, calls };
}
