import { EXIT_BAD_INPUT } from './cli-io';
import { runCli } from './main';
import { memoryIo } from './testing-io';

describe('workflows adopt', () => {
  const saved = process.env.WORKFLOW_ENGINE;
  afterEach(() => {
    if (saved === undefined) {
      delete process.env.WORKFLOW_ENGINE;
    } else {
      process.env.WORKFLOW_ENGINE = saved;
    }
  });

  it('should refuse with exit 2, touching no database, unless the engine is Temporal', async () => {
    process.env.WORKFLOW_ENGINE = 'embedded';
    const io = memoryIo();
    await expect(runCli(['workflows', 'adopt'], io)).resolves.toBe(EXIT_BAD_INPUT);
    expect(io.err).toContain('WORKFLOW_ENGINE=temporal');
    expect(io.out).toBe('');
  });
});
