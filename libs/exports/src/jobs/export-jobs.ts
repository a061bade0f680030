import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import { Clock, DomainError } from '@app/core';
import type { ExportFile } from '../common/export-file';
import type { ExportTask } from '../common/export-task';

export const EXPORT_JOB_STATUSES = ['running', 'done', 'failed'] as const;
export type ExportJobStatus = (typeof EXPORT_JOB_STATUSES)[number];

export interface ExportJob {
  id: string;
  /** What is being exported, e.g. `progress_table`. */
  kind: string;
  ownerId: number;
  status: ExportJobStatus;
  done: number;
  total: number;
  filename: string;
  createdAt: Date;
  finishedAt: Date | null;
  /** Why it failed, in Chinese. */
  error: string | null;
}

/** A finished file stays downloadable this long. */
export const EXPORT_JOB_TTL_MS = 60 * 60 * 1000;
/** Exports one user may have running at once. */
export const MAX_RUNNING_PER_USER = 3;

interface Entry {
  job: ExportJob;
  task: ExportTask;
  file: string;
  /** Real time (not the adjustable clock) the job ended, for the TTL. */
  endedMs: number | null;
}

/**
 * Long exports run in the background: `start` returns at once, `get` shows progress, `open` streams the file once
 * it is written. Jobs live in this process and their files under `{dataDir}/exports`; with several API instances,
 * a job is served by the instance that created it (the load balancer must keep a user on one instance, or the
 * client retries the download there). Jobs are a user's own; nobody else may see or download them.
 */
@Injectable()
export class ExportJobs implements OnModuleDestroy {
  private readonly logger = new Logger(ExportJobs.name);
  private readonly jobs = new Map<string, Entry>();
  private readonly dir: string;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly clock: Clock,
  ) {
    this.dir = path.join(config.dataDir, 'exports');
  }

  start(ownerId: number, kind: string, task: ExportTask): ExportJob {
    this.expire();
    const running = [...this.jobs.values()].filter((e) => e.job.ownerId === ownerId && e.job.status === 'running');
    if (running.length >= MAX_RUNNING_PER_USER) {
      throw new DomainError('LOCKED', `您已有 ${running.length} 个导出正在进行，请稍后再试`);
    }
    fs.mkdirSync(this.dir, { recursive: true });
    const id = randomUUID();
    const entry: Entry = {
      job: {
        id,
        kind,
        ownerId,
        status: 'running',
        done: 0,
        total: task.total,
        filename: task.file.filename,
        createdAt: this.clock.now(),
        finishedAt: null,
        error: null,
      },
      task,
      file: path.join(this.dir, `${id}.part`),
      endedMs: null,
    };
    this.jobs.set(id, entry);
    void this.run(entry);
    return { ...entry.job };
  }

  get(ownerId: number, id: string): ExportJob {
    return { ...this.entry(ownerId, id).job };
  }

  open(ownerId: number, id: string): ExportFile {
    const entry = this.entry(ownerId, id);
    if (entry.job.status !== 'done') {
      throw new DomainError(
        'CONFLICT',
        entry.job.status === 'running' ? '导出尚未完成，请稍后再下载' : `导出失败：${entry.job.error ?? ''}`,
      );
    }
    return { ...entry.task.file, body: fs.createReadStream(entry.file) };
  }

  onModuleDestroy(): void {
    for (const entry of this.jobs.values()) {
      fs.rmSync(entry.file, { force: true });
    }
    this.jobs.clear();
  }

  private entry(ownerId: number, id: string): Entry {
    this.expire();
    const entry = this.jobs.get(id);
    if (!entry) {
      throw DomainError.notFound('导出任务', id);
    }
    if (entry.job.ownerId !== ownerId) {
      throw new DomainError('FORBIDDEN', '只能查看和下载自己发起的导出');
    }
    return entry;
  }

  private async run(entry: Entry): Promise<void> {
    const out = fs.createWriteStream(entry.file);
    const closed = new Promise<void>((resolve, reject) => {
      out.on('close', resolve);
      out.on('error', reject);
    });
    try {
      await entry.task.write(out, (done) => {
        entry.job.done = Math.min(done, entry.job.total);
      });
      await closed;
      entry.job.done = entry.job.total;
      entry.job.status = 'done';
    } catch (error) {
      out.destroy();
      entry.job.status = 'failed';
      entry.job.error = '生成文件时出错，请重试或联系管理员';
      this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    } finally {
      entry.job.finishedAt = this.clock.now();
      entry.endedMs = Date.now();
    }
  }

  /** Drops jobs that finished more than the TTL ago, and their files. */
  private expire(): void {
    const now = Date.now();
    for (const [id, entry] of this.jobs) {
      if (entry.endedMs !== null && now - entry.endedMs > EXPORT_JOB_TTL_MS) {
        fs.rmSync(entry.file, { force: true });
        this.jobs.delete(id);
      }
    }
  }
}
