import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@app/config';
import { Clock, dbTime, DomainError } from '@app/core';
import type { ExportFile } from '../common/export-file';
import type { ExportTask } from '../common/export-task';
import { ExportJobRecord } from './export-job.entity';

/** What the caller sees of a job: its row without what only serving the file needs. */
export type ExportJob = Omit<ExportJobRecord, 'asciiFilename' | 'contentType' | 'aliveAt'>;

/** A finished file stays downloadable this long. */
export const EXPORT_JOB_TTL_MS = 60 * 60 * 1000;
/** Exports one user may have running at once. */
export const MAX_RUNNING_PER_USER = 3;
/** How often a running job's row is refreshed (its progress, and that its process is alive). */
export const EXPORT_JOB_HEARTBEAT_MS = 2_000;
/** A running job not refreshed for this long was cut off (the API restarted or crashed while writing it). */
export const EXPORT_JOB_STALE_MS = 60_000;

const FAILED = '生成文件时出错，请重试或联系管理员';
const INTERRUPTED = '导出因服务重启而中断，请重新导出';

/** What this process knows of a job it is writing: progress between two refreshes of its row. */
interface Writing {
  done: number;
  heartbeat: NodeJS.Timeout;
  part: string;
}

/**
 * Long exports run in the background: `start` returns at once, `get` shows progress, `open` streams the file once
 * it is written. A job's state is kept in the database, so after a restart a finished job can still be downloaded
 * and one cut off half-way says so instead of vanishing. The file itself is under `{dataDir}/exports` of the
 * instance that wrote it; with several API instances, they share that folder or the load balancer keeps a user on
 * one instance. Jobs are a user's own; nobody else may see or download them.
 */
@Injectable()
export class ExportJobs implements OnModuleDestroy {
  private readonly logger = new Logger(ExportJobs.name);
  private readonly writing = new Map<string, Writing>();
  private readonly dir: string;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly clock: Clock,
    private readonly dataSource: DataSource,
  ) {
    this.dir = path.join(config.dataDir, 'exports');
  }

  async start(ownerId: number, kind: string, task: ExportTask): Promise<ExportJob> {
    await this.expire();
    const running = await this.records().countBy({ ownerId, status: 'running' });
    if (running >= MAX_RUNNING_PER_USER) {
      throw new DomainError('LOCKED', `您已有 ${running} 个导出正在进行，请稍后再试`);
    }
    fs.mkdirSync(this.dir, { recursive: true });
    const record = this.records().create({
      id: randomUUID(),
      kind,
      ownerId,
      status: 'running',
      done: 0,
      total: task.total,
      filename: task.file.filename,
      asciiFilename: task.file.asciiFilename,
      contentType: task.file.contentType,
      error: null,
      createdAt: this.clock.now(),
      finishedAt: null,
      aliveAt: new Date(),
    });
    await this.records().insert(record);
    this.run(record, task);
    return this.view(record);
  }

  async get(ownerId: number, id: string): Promise<ExportJob> {
    return this.view(await this.record(ownerId, id));
  }

  async open(ownerId: number, id: string): Promise<ExportFile> {
    const record = await this.record(ownerId, id);
    if (record.status !== 'done') {
      throw new DomainError(
        'CONFLICT',
        record.status === 'running' ? '导出尚未完成，请稍后再下载' : `导出失败：${record.error ?? ''}`,
      );
    }
    const file = this.fileOf(record.id);
    if (!fs.existsSync(file)) {
      throw new DomainError('NOT_FOUND', '导出文件已清理或不在本服务器上，请重新导出');
    }
    const { filename, asciiFilename, contentType } = record;
    return { filename, asciiFilename, contentType, body: fs.createReadStream(file) };
  }

  /** Jobs this process is writing end here: marked interrupted now rather than once their rows go stale. */
  async onModuleDestroy(): Promise<void> {
    const ids = [...this.writing.keys()];
    for (const writing of this.writing.values()) {
      clearInterval(writing.heartbeat);
      fs.rmSync(writing.part, { force: true });
    }
    this.writing.clear();
    for (const id of ids) {
      await this.finish(id, { status: 'failed', error: INTERRUPTED });
    }
  }

  private async record(ownerId: number, id: string): Promise<ExportJobRecord> {
    await this.expire();
    const record = await this.records().findOneBy({ id });
    if (!record) {
      throw DomainError.notFound('导出任务', id);
    }
    if (record.ownerId !== ownerId) {
      throw new DomainError('FORBIDDEN', '只能查看和下载自己发起的导出');
    }
    return record;
  }

  private run(record: ExportJobRecord, task: ExportTask): void {
    const part = `${this.fileOf(record.id)}.part`;
    const writing: Writing = {
      done: 0,
      part,
      heartbeat: setInterval(() => {
        void this.refresh(record.id, writing.done);
      }, EXPORT_JOB_HEARTBEAT_MS),
    };
    writing.heartbeat.unref();
    this.writing.set(record.id, writing);
    void this.write(record, task, writing);
  }

  private async write(record: ExportJobRecord, task: ExportTask, writing: Writing): Promise<void> {
    const out = fs.createWriteStream(writing.part);
    const closed = new Promise<void>((resolve, reject) => {
      out.on('close', resolve);
      out.on('error', reject);
    });
    let outcome: Partial<ExportJobRecord>;
    try {
      await task.write(out, (done) => {
        writing.done = Math.min(done, record.total);
      });
      await closed;
      // Renamed only once whole: a file under its final name is always complete.
      fs.renameSync(writing.part, this.fileOf(record.id));
      outcome = { status: 'done', done: record.total };
    } catch (error) {
      out.destroy();
      fs.rmSync(writing.part, { force: true });
      outcome = { status: 'failed', error: FAILED };
      this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    }
    if (!this.writing.has(record.id)) {
      return; // Shutting down: onModuleDestroy has recorded the interruption.
    }
    clearInterval(writing.heartbeat);
    await this.finish(record.id, outcome);
    // Only now: until the row says how it ended, progress is read from here.
    this.writing.delete(record.id);
  }

  private async refresh(id: string, done: number): Promise<void> {
    try {
      await this.records().update({ id, status: 'running' }, { done, aliveAt: new Date() });
    } catch (error) {
      this.logger.warn(`export job ${id}: progress not saved: ${String(error)}`);
    }
  }

  private async finish(id: string, outcome: Partial<ExportJobRecord>): Promise<void> {
    try {
      await this.records().update(
        { id, status: 'running' },
        { ...outcome, finishedAt: this.clock.now(), aliveAt: new Date() },
      );
    } catch (error) {
      // The row stays `running` and is marked interrupted once stale.
      this.logger.error(`export job ${id}: end not saved: ${String(error)}`);
    }
  }

  /** Marks jobs cut off by a restart as failed; drops jobs that ended more than the TTL ago, and their files. */
  private async expire(): Promise<void> {
    const now = Date.now();
    await this.records()
      .createQueryBuilder()
      .update()
      .set({ status: 'failed', error: INTERRUPTED, finishedAt: this.clock.now() })
      .where("status = 'running' AND alive_at < :stale", { stale: dbTime(new Date(now - EXPORT_JOB_STALE_MS)) })
      .execute();
    const expired = await this.records()
      .createQueryBuilder('j')
      .select('j.id', 'id')
      .where("j.status <> 'running' AND j.alive_at < :expired", { expired: dbTime(new Date(now - EXPORT_JOB_TTL_MS)) })
      .getRawMany<{ id: string }>();
    for (const { id } of expired) {
      fs.rmSync(this.fileOf(id), { force: true });
      await this.records().delete({ id });
    }
  }

  private view(record: ExportJobRecord): ExportJob {
    const done = this.writing.get(record.id)?.done ?? record.done;
    return {
      id: record.id,
      kind: record.kind,
      ownerId: record.ownerId,
      status: record.status,
      done: Math.max(done, record.done),
      total: record.total,
      filename: record.filename,
      createdAt: record.createdAt,
      finishedAt: record.finishedAt,
      error: record.error,
    };
  }

  private fileOf(id: string): string {
    return path.join(this.dir, `${id}.file`);
  }

  private records() {
    return this.dataSource.getRepository(ExportJobRecord);
  }
}
