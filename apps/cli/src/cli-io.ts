import { readFile, stat } from 'fs/promises';

/** What a command needs from the process, so commands can be tested without one. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(path: string): Promise<Buffer>;
  fileSize(path: string): Promise<number>;
}

export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readFile: (path) => readFile(path),
  fileSize: async (path) => (await stat(path)).size,
};

/** Exit codes: 0 done, 1 unexpected failure, 2 bad input or usage. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_BAD_INPUT = 2;

export type Command = (args: string[], io: CliIo) => Promise<number>;

/** A usage or input problem the user can fix; reported on stderr with exit code 2. */
export class CliUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliUsageError';
  }
}
