import type { CliIo } from './cli-io';

/** An in-memory CliIo for specs: files from a map, output collected. */
export function memoryIo(files: Record<string, string | Buffer> = {}): CliIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout: (text: string) => {
      io.out += text;
    },
    stderr: (text: string) => {
      io.err += text;
    },
    readFile: (path: string): Promise<Buffer> => {
      const content = files[path];
      return content === undefined
        ? Promise.reject(new Error(`ENOENT: ${path}`))
        : Promise.resolve(Buffer.isBuffer(content) ? content : Buffer.from(content));
    },
    fileSize: async (path: string): Promise<number> => (await io.readFile(path)).length,
  };
  return io;
}
