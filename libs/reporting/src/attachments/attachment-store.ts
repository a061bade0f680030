import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import { DomainError } from '@app/core';
import { localDateOf } from '@app/workflows';
import { SNIFF_BYTES } from './attachment-policy';

export interface InspectedFile {
  sha256: string;
  size: number;
  /** The first bytes, for the type check. */
  head: Buffer;
}

/**
 * Attachment files under `{dataDir}/attachments/{yyyy}/{mm}/{sha256}`: content-addressed, so the same file
 * uploaded twice in a month is stored once. The only place reporting touches the file system.
 */
@Injectable()
export class AttachmentStore {
  private readonly root: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.root = config.dataDir;
  }

  /** Hashes an uploaded file by streaming it (an upload may be 20 MB; it is never held in memory whole). */
  async inspect(file: string): Promise<InspectedFile> {
    const hash = createHash('sha256');
    const chunks: Buffer[] = [];
    let size = 0;
    let headBytes = 0;
    for await (const chunk of fs.createReadStream(file) as AsyncIterable<Buffer>) {
      hash.update(chunk);
      size += chunk.length;
      if (headBytes < SNIFF_BYTES) {
        chunks.push(chunk.subarray(0, SNIFF_BYTES - headBytes));
        headBytes += Math.min(chunk.length, SNIFF_BYTES - headBytes);
      }
    }
    return { sha256: hash.digest('hex'), size, head: Buffer.concat(chunks) };
  }

  /**
   * Moves an upload into place. Returns the stored path (relative to the data folder) and whether this call
   * created the file, so a failed transaction can remove exactly what it added.
   */
  async put(file: string, sha256: string, at: Date): Promise<{ storagePath: string; created: boolean }> {
    const day = localDateOf(at.getTime());
    const storagePath = path.posix.join('attachments', day.slice(0, 4), day.slice(5, 7), sha256);
    const target = this.absolute(storagePath);
    if (fs.existsSync(target)) {
      return { storagePath, created: false };
    }
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    try {
      await fs.promises.rename(file, target);
    } catch {
      // A different file system under the data folder: copy instead of moving.
      await fs.promises.copyFile(file, target);
    }
    return { storagePath, created: true };
  }

  async remove(storagePath: string): Promise<void> {
    await fs.promises.rm(this.absolute(storagePath), { force: true });
  }

  /** Removes a temporary upload; missing files are fine (it may have been moved into place). */
  async discard(file: string): Promise<void> {
    await fs.promises.rm(file, { force: true });
  }

  open(storagePath: string): fs.ReadStream {
    const absolute = this.absolute(storagePath);
    if (!fs.existsSync(absolute)) {
      throw new DomainError('NOT_FOUND', '附件文件已不在存储目录中，请联系管理员');
    }
    return fs.createReadStream(absolute);
  }

  private absolute(storagePath: string): string {
    return path.join(this.root, ...storagePath.split('/'));
  }
}
