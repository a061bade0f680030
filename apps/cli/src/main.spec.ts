import { EXIT_BAD_INPUT, EXIT_OK } from './cli-io';
import { runCli } from './main';
import { memoryIo } from './testing-io';

describe(runCli.name, () => {
  it('should dispatch plan parse when asked for it', async () => {
    const io = memoryIo({ 'p.txt': '（一）甲\n甲工作。（A局牵头）' });
    await expect(runCli(['plan', 'parse', 'p.txt', '--year', '2019', '--format', 'json'], io)).resolves.toBe(EXIT_OK);
    expect(io.out).toContain('"lead":["A局"]');
  });

  it('should exit 2 and list the commands when the command is unknown', async () => {
    const io = memoryIo();
    await expect(runCli(['plan', 'frobnicate'], io)).resolves.toBe(EXIT_BAD_INPUT);
    expect(io.err).toContain('plan parse');
  });
});
