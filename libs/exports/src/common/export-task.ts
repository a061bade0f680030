import { PassThrough, type Writable } from 'node:stream';
import type { ExportFile } from './export-file';

/** An export ready to run: its file name and type, how much work it is, and how to write it. */
export interface ExportTask {
  file: Omit<ExportFile, 'body'>;
  /** Units of work (tasks, rows) `write` reports progress in. */
  total: number;
  write(out: Writable, progress: (done: number) => void): Promise<void>;
}

/**
 * Runs the task into a stream the response pipes out as it is written. A failure half-way destroys the stream,
 * so the client sees a broken download rather than a truncated file that looks complete.
 */
export function streamed(task: ExportTask): ExportFile {
  const body = new PassThrough();
  task
    .write(body, () => undefined)
    .catch((error: unknown) => {
      body.destroy(error instanceof Error ? error : new Error(String(error)));
    });
  return { ...task.file, body };
}

/** Writes a small document whole, for the callers that want a Buffer. */
export async function buffered(task: ExportTask): Promise<ExportFile> {
  const chunks: Buffer[] = [];
  const body = new PassThrough();
  body.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    body.on('end', resolve);
    body.on('error', reject);
  });
  await task.write(body, () => undefined);
  await ended;
  return { ...task.file, body: Buffer.concat(chunks) };
}
