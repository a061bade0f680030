import * as os from 'node:os';
import { Logger } from '@nestjs/common';
import { loadConfig, type AppConfig } from '@app/config';
import type { AssessmentActivities, EscalationActivities, NoticeActivities } from '@app/workflows';
import { TemporalWorkerService, WorkerStartError } from './temporal-worker.service';

function serviceWith(env: Record<string, string>): TemporalWorkerService {
  const config: AppConfig = loadConfig({ DATA_DIR: os.tmpdir(), ...env });
  // The worker never gets as far as calling an activity in these tests.
  return new TemporalWorkerService(
    config,
    {} as EscalationActivities,
    {} as AssessmentActivities,
    {} as NoticeActivities,
  );
}

async function startFailure(service: TemporalWorkerService): Promise<WorkerStartError> {
  try {
    await service.start();
  } catch (error) {
    if (error instanceof WorkerStartError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected the worker not to start');
}

describe(TemporalWorkerService.name, () => {
  beforeAll(() => {
    Logger.overrideLogger(false);
  });

  describe('start', () => {
    it('should refuse to start with a clear message when TEMPORAL_ADDRESS is not set', async () => {
      const error = await startFailure(serviceWith({}));
      expect(error.message).toMatch(/^TEMPORAL_ADDRESS is not set/);
    });

    it('should name the address as unreachable when no server answers there', async () => {
      const error = await startFailure(serviceWith({ TEMPORAL_ADDRESS: '127.0.0.1:1' }));
      expect(error.message).toMatch(/^TEMPORAL_ADDRESS 127\.0\.0\.1:1 is unreachable: /);
    });

    it('should ask for a build when production runs without the prebuilt bundle', async () => {
      const cwd = process.cwd();
      process.chdir(os.tmpdir());
      try {
        const error = await startFailure(serviceWith({ TEMPORAL_ADDRESS: '127.0.0.1:1', NODE_ENV: 'production' }));
        expect(error.message).toMatch(
          /workflow bundle .*dist\/workflow-bundle\.js is missing: run "npm run build" first/,
        );
      } finally {
        process.chdir(cwd);
      }
    });
  });

  describe('onApplicationShutdown', () => {
    it('should do nothing when the worker never started', async () => {
      await expect(serviceWith({}).onApplicationShutdown('SIGTERM')).resolves.toBeUndefined();
    });
  });
});
