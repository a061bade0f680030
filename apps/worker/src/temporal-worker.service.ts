import * as fs from 'node:fs';
import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { APP_CONFIG, AppConfig } from '@app/config';
import {
  createAssessmentActivities,
  createEscalationActivities,
  createNoticeActivities,
  ESCALATION_TASK_QUEUE,
  type AssessmentActivities,
  type EscalationActivities,
  type NoticeActivities,
} from '@app/workflows';
import { ASSESSMENT_ACTIVITY_DEPS, ESCALATION_ACTIVITY_DEPS } from './activity-deps';
import { NOTICE_ACTIVITY_DEPS } from './workflow-notices';
import { resolveFromRoot, WORKFLOW_BUNDLE_FILE, WORKFLOWS_SOURCE } from './workflow-bundle';

/** A start-up failure the operator can fix (address, server, bundle): printed as one line, exit code 1. */
export class WorkerStartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkerStartError';
  }
}

// A blackholed address would otherwise hang the start-up; refused connections and DNS errors fail at once anyway.
const CONNECT_TIMEOUT_MS = 10_000;

/**
 * Owns the connection to the Temporal server and the worker polling the escalation task queue. `start()` connects
 * and registers the workflows (the prebuilt bundle in production) and the activities; `run()` resolves when the
 * worker has stopped; shutdown drains the in-flight tasks, then closes the connection.
 */
@Injectable()
export class TemporalWorkerService implements OnApplicationShutdown {
  private readonly logger = new Logger(TemporalWorkerService.name);
  private connection: NativeConnection | null = null;
  private worker: Worker | null = null;
  private running: Promise<void> | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(ESCALATION_ACTIVITY_DEPS) private readonly escalationDeps: EscalationActivities,
    @Inject(ASSESSMENT_ACTIVITY_DEPS) private readonly assessmentDeps: AssessmentActivities,
    @Inject(NOTICE_ACTIVITY_DEPS) private readonly noticeDeps: NoticeActivities,
  ) {}

  async start(): Promise<void> {
    const { address, namespace } = this.config.temporal;
    if (!address) {
      throw new WorkerStartError(
        'TEMPORAL_ADDRESS is not set: the worker needs a Temporal server (e.g. TEMPORAL_ADDRESS=localhost:7233).',
      );
    }
    const workflows = this.workflowSource();
    this.connection = await connect(address);
    this.logger.log(`connected to Temporal at ${address}, namespace ${namespace}`);
    this.worker = await Worker.create({
      connection: this.connection,
      namespace,
      taskQueue: ESCALATION_TASK_QUEUE,
      ...workflows,
      activities: {
        ...createEscalationActivities(this.escalationDeps),
        ...createAssessmentActivities(this.assessmentDeps),
        ...createNoticeActivities(this.noticeDeps),
      },
    });
    this.running = this.worker.run();
    this.logger.log(`polling task queue "${ESCALATION_TASK_QUEUE}"`);
  }

  /** Resolves when the worker stops after a shutdown; rejects when it stops on a fatal error. */
  async run(): Promise<void> {
    await this.running;
  }

  async onApplicationShutdown(signal?: string): Promise<void> {
    if (this.worker && this.worker.getState() === 'RUNNING') {
      this.logger.log(`shutting down${signal ? ` on ${signal}` : ''}: finishing in-flight tasks`);
      this.worker.shutdown();
    }
    await this.running?.catch(() => undefined);
    await this.connection?.close();
    this.connection = null;
  }

  /** The prebuilt bundle in production; in development the sources, bundled at start-up (about a second). */
  private workflowSource(): Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath'> {
    const bundle = resolveFromRoot(WORKFLOW_BUNDLE_FILE);
    if (this.config.env === 'production') {
      if (!fs.existsSync(bundle)) {
        throw new WorkerStartError(`workflow bundle ${bundle} is missing: run "npm run build" first.`);
      }
      this.logger.log(`workflows from the prebuilt bundle ${bundle}`);
      return { workflowBundle: { codePath: bundle } };
    }
    this.logger.log(`workflows bundled from ${WORKFLOWS_SOURCE} (development)`);
    return { workflowsPath: resolveFromRoot(WORKFLOWS_SOURCE) };
  }
}

async function connect(address: string): Promise<NativeConnection> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${CONNECT_TIMEOUT_MS / 1000} s`)), CONNECT_TIMEOUT_MS);
  });
  try {
    return await Promise.race([NativeConnection.connect({ address }), timeout]);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new WorkerStartError(`TEMPORAL_ADDRESS ${address} is unreachable: ${reason}`);
  } finally {
    clearTimeout(timer);
  }
}
