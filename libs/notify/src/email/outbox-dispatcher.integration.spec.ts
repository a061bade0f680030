import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { AddressInfo } from 'node:net';
import { ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { DataSource } from 'typeorm';
import { AppConfig, loadConfig } from '@app/config';
import { AdjustableClock, DomainError, UnitOfWork } from '@app/core';
import { dataSourceOptions } from '@app/config/database';
import { createTestDatabase, TestDatabase } from '../../../../test/factories/test-database';
import { buildInterviewInvite, interviewInviteAttachment } from '../calendar-invite';
import { interviewNoticeEmail, yellowWarningEmail } from '../templates';
import { EmailOutbox, NewEmail } from './email-outbox';
import { EmlFileMailer } from './eml-file-mailer';
import { EmailSendError, Mailer, messageIdFor, OutgoingEmail, SentEmail } from './mailer';
import { createMailer } from './mailer.provider';
import { OUTBOX_LEASE_MS, OutboxDispatcher } from './outbox-dispatcher';
import { OutboxEmail } from './outbox-email.entity';
import { SmtpMailer } from './smtp-mailer';

/**
 * The outbox end to end: a real database built by the project's migrations (SQLite, or MariaDB/MySQL when
 * DATABASE_URL is a mysql:// URL, in a database of its own), a real SMTP server in-process, mailparser on the
 * receiving side. Time moves only through the adjustable clock.
 */

const onMysql = /^(mysql|mariadb):/.test(process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || '');
const itOnMysql = onMysql ? it : it.skip;
const MAIL_FROM = '阳江市土壤污染防治工作领导小组办公室 <office@soil.example.gov.cn>';
const START = new Date('2026-12-04T01:00:00Z');

/** An SMTP server on 127.0.0.1 that parses what it receives and refuses or defers chosen recipients. */
class TestSmtpServer {
  readonly received: ParsedMail[] = [];
  readonly refused = new Set<string>();
  readonly deferred = new Set<string>();
  port = 0;
  private server: SMTPServer | null = null;

  async start(): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      closeTimeout: 1000,
      onRcptTo: (address, _session, callback) => {
        if (this.refused.has(address.address)) {
          return callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
        }
        if (this.deferred.has(address.address)) {
          return callback(Object.assign(new Error('Try again later'), { responseCode: 451 }));
        }
        callback();
      },
      onData: (stream, _session, callback) => {
        simpleParser(stream).then(
          (mail) => {
            this.received.push(mail);
            callback();
          },
          (error: Error) => callback(error),
        );
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.server.address() as AddressInfo).port;
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }

  receivedBy(address: string): ParsedMail[] {
    return this.received.filter((mail) => addressesOf(mail).includes(address));
  }
}

function addressesOf(mail: ParsedMail): string[] {
  const to = mail.to === undefined ? [] : Array.isArray(mail.to) ? mail.to : [mail.to];
  return to.flatMap((group) => group.value.map((entry) => entry.address ?? ''));
}

let sequence = 0;

/** A yellow-warning mail for a fresh obligation, as the escalation activity would enqueue it. */
function warningMail(overrides: Partial<NewEmail> = {}): NewEmail {
  const obligationId = ++sequence;
  const to = overrides.to ?? `liaison${obligationId}@agri.example.gov.cn`;
  const content = yellowWarningEmail({
    officeName: '阳江市土壤污染防治工作领导小组办公室',
    issuedAt: START,
    publicUrl: 'http://localhost:3000',
    unitName: '市农业农村局',
    taskTitle: '开展受污染耕地安全利用',
    periodLabel: '2026年11月',
    dueAt: new Date('2026-12-03T10:00:00Z'),
    overdueWorkingDays: 1,
    path: `/obligations/${obligationId}`,
  });
  return { dedupKey: `notice:${obligationId}:yellow:${to}`, to, ...content, ...overrides };
}

describe(OutboxDispatcher.name, () => {
  const smtp = new TestSmtpServer();
  let database: TestDatabase;
  let dataDir: string;
  let config: AppConfig;
  let dataSource: DataSource;
  let unitOfWork: UnitOfWork;
  let clock: AdjustableClock;
  let outbox: EmailOutbox;
  let dispatcher: OutboxDispatcher;

  const enqueue = (mail: NewEmail) => unitOfWork.run((manager) => outbox.enqueue(manager, mail));
  const row = (dedupKey: string) => dataSource.getRepository(OutboxEmail).findOneByOrFail({ dedupKey });
  const advance = (ms: number) => clock.set(new Date(clock.now().getTime() + ms));

  beforeAll(async () => {
    await smtp.start();
    database = await createTestDatabase();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'notify-outbox-'));
    config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: database.url,
      DATA_DIR: dataDir,
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      MAIL_FROM,
    });
    dataSource = new DataSource(dataSourceOptions(config));
    await dataSource.initialize();
    unitOfWork = new UnitOfWork(dataSource);
    clock = new AdjustableClock();
    outbox = new EmailOutbox(clock);
  });

  afterAll(async () => {
    await smtp.stop();
    await dataSource?.destroy();
    await database?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  beforeEach(async () => {
    await dataSource.getRepository(OutboxEmail).clear();
    smtp.received.length = 0;
    clock.set(START);
    dispatcher = new OutboxDispatcher(unitOfWork, clock, createMailer(config));
  });

  describe('dispatchDue', () => {
    it('should pick the SMTP mailer when SMTP_URL is set', () => {
      expect(createMailer(config)).toBeInstanceOf(SmtpMailer);
    });

    it('should deliver a Chinese subject, the body and the invite.ics when an interview notice is enqueued', async () => {
      const start = new Date('2027-01-05T06:30:00Z');
      const end = new Date('2027-01-05T08:00:00Z');
      const content = interviewNoticeEmail({
        officeName: '阳江市土壤污染防治工作领导小组办公室',
        issuedAt: START,
        publicUrl: 'http://localhost:3000',
        unitName: '市农业农村局',
        startsAt: start,
        endsAt: end,
        place: '市政府第三会议室',
        attendees: ['领导小组办公室主任', '市农业农村局局长'],
        reason: '督办〔2026〕7号督办事项逾期未完成整改',
        inviteAttached: true,
        path: '/interviews/1',
      });
      const ics = buildInterviewInvite({
        uid: 'interview-1@soil.example.gov.cn',
        stamp: clock.now(),
        start,
        end,
        location: '市政府第三会议室',
        summary: '约谈：市农业农村局主要负责同志',
        description: '督办〔2026〕7号督办事项逾期未完成整改；请准备书面汇报材料。'.repeat(3),
        organizer: { name: '领导小组办公室', email: 'office@soil.example.gov.cn' },
        attendees: [{ name: '李局长', email: 'head@agri.example.gov.cn' }],
      });
      const dedupKey = 'notice:interview:1:head@agri.example.gov.cn';
      await expect(
        enqueue({
          dedupKey,
          to: 'head@agri.example.gov.cn',
          ...content,
          attachments: [interviewInviteAttachment(ics)],
        }),
      ).resolves.toBe(true);

      await expect(dispatcher.dispatchDue()).resolves.toEqual({ sent: 1, failed: 0, retried: 0 });

      expect(smtp.received).toHaveLength(1);
      const mail = smtp.received[0];
      expect(mail.subject).toBe('【约谈通知】关于约谈市农业农村局主要负责同志的通知');
      expect(mail.from?.value[0]).toEqual({
        name: '阳江市土壤污染防治工作领导小组办公室',
        address: 'office@soil.example.gov.cn',
      });
      expect(mail.text).toContain('二、约谈地点：市政府第三会议室');
      expect(mail.html).toContain('约谈时间：2027年1月5日（星期二）14:30—16:00');
      expect(mail.messageId).toBe(messageIdFor(dedupKey, MAIL_FROM));
      expect(mail.headers.get('auto-submitted')).toBe('auto-generated');
      expect(mail.attachments).toHaveLength(1);
      expect(mail.attachments[0].filename).toBe('invite.ics');
      expect(mail.attachments[0].contentType).toBe('text/calendar');
      expect(mail.attachments[0].content.toString('utf8')).toBe(ics);

      const stored = await row(dedupKey);
      expect(stored).toMatchObject({ status: 'sent', attempts: 1, leaseUntil: null, lastError: null });
      expect(stored.messageId).toBe(mail.messageId);
      expect(stored.sentAt!.getTime()).toBeGreaterThanOrEqual(START.getTime());
    });

    it('should send once when the same dedup key is enqueued twice', async () => {
      const mail = warningMail();
      await expect(enqueue(mail)).resolves.toBe(true);
      await expect(enqueue({ ...mail, subject: 'a second, different rendering' })).resolves.toBe(false);

      await expect(dispatcher.dispatchDue()).resolves.toEqual({ sent: 1, failed: 0, retried: 0 });
      await expect(dispatcher.dispatchDue()).resolves.toEqual({ sent: 0, failed: 0, retried: 0 });
      expect(smtp.receivedBy(mail.to)).toHaveLength(1);
      expect(smtp.received[0].subject).toBe(mail.subject);
      await expect(enqueue(mail)).resolves.toBe(false);
    });

    it('should keep the mail pending when the SMTP server is down and deliver it exactly once when it is back', async () => {
      const mail = warningMail();
      await enqueue(mail);
      await smtp.stop();
      try {
        await expect(dispatcher.dispatchDue()).resolves.toEqual({ sent: 0, failed: 0, retried: 1 });
        const failedAt = clock.now().getTime();
        const pending = await row(mail.dedupKey);
        expect(pending).toMatchObject({ status: 'pending', attempts: 1, leaseUntil: null });
        expect(pending.lastError).toBeTruthy();
        expect(pending.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(failedAt + 60_000 - 1000);
        expect(pending.nextAttemptAt.getTime()).toBeLessThanOrEqual(failedAt + 60_000 + 1000);

        // Not due yet: nothing is attempted.
        await expect(dispatcher.dispatchDue()).resolves.toEqual({ sent: 0, failed: 0, retried: 0 });

        // Still down a minute later: the next retry is two minutes away.
        advance(61_000);
        await expect(dispatcher.dispatchDue()).resolves.toEqual({ sent: 0, failed: 0, retried: 1 });
        const again = await row(mail.dedupKey);
        expect(again.attempts).toBe(2);
        expect(again.nextAttemptAt.getTime() - clock.now().getTime()).toBeGreaterThan(110_000);
      } finally {
        await smtp.start();
      }
      await expect(dispatcher.dispatchDue()).resolves.toEqual({ sent: 0, failed: 0, retried: 0 });
      expect(smtp.received).toHaveLength(0);

      advance(121_000);
      await expect(dispatcher.dispatchDue()).resolves.toEqual({ sent: 1, failed: 0, retried: 0 });
      advance(60 * 60_000);
      await expect(dispatcher.dispatchDue()).resolves.toEqual({ sent: 0, failed: 0, retried: 0 });
      expect(smtp.receivedBy(mail.to)).toHaveLength(1);
      expect(await row(mail.dedupKey)).toMatchObject({ status: 'sent', attempts: 3, lastError: null });
    });

    it('should mark the mail failed and never retry it when the server refuses the recipient with 550', async () => {
      const mail = warningMail({ to: 'nobody@agri.example.gov.cn' });
      smtp.refused.add(mail.to);
      await enqueue(mail);

      await expect(dispatcher.dispatchDue()).resolves.toEqual({ sent: 0, failed: 1, retried: 0 });
      const failed = await row(mail.dedupKey);
      expect(failed).toMatchObject({ status: 'failed', attempts: 1, sentAt: null });
      expect(failed.lastError).toContain('550');

      advance(24 * 60 * 60_000);
      await expect(dispatcher.dispatchDue()).resolves.toEqual({ sent: 0, failed: 0, retried: 0 });
      expect(smtp.received).toHaveLength(0);
    });

    it('should retry when the server defers the recipient with 451', async () => {
      const mail = warningMail({ to: 'busy@agri.example.gov.cn' });
      smtp.deferred.add(mail.to);
      await enqueue(mail);

      await expect(dispatcher.dispatchDue()).resolves.toEqual({ sent: 0, failed: 0, retried: 1 });
      expect((await row(mail.dedupKey)).lastError).toContain('451');

      smtp.deferred.delete(mail.to);
      advance(61_000);
      await expect(dispatcher.dispatchDue()).resolves.toEqual({ sent: 1, failed: 0, retried: 0 });
    });

    it('should resend with the same Message-ID when a dispatcher died after sending and its lease expired', async () => {
      const mail = warningMail();
      await enqueue(mail);
      const smtpMailer = createMailer(config);
      let delivered!: () => void;
      const deliveredOnce = new Promise<void>((resolve) => (delivered = resolve));
      // Sends, then never returns: the process "dies" between the server's 250 and marking the row sent.
      const dyingMailer = new (class extends Mailer {
        async send(outgoing: OutgoingEmail): Promise<SentEmail> {
          await smtpMailer.send(outgoing);
          delivered();
          return new Promise<SentEmail>(() => undefined);
        }
        describe(): string {
          return 'dies after sending';
        }
      })();
      void new OutboxDispatcher(unitOfWork, clock, dyingMailer).dispatchDue();
      await deliveredOnce;
      expect(await row(mail.dedupKey)).toMatchObject({ status: 'sending', attempts: 1 });

      // Another instance sees nothing to do while the lease holds, and takes the row over once it has expired.
      await expect(dispatcher.dispatchDue()).resolves.toEqual({ sent: 0, failed: 0, retried: 0 });
      advance(OUTBOX_LEASE_MS + 1000);
      await expect(dispatcher.dispatchDue()).resolves.toEqual({ sent: 1, failed: 0, retried: 0 });

      const copies = smtp.receivedBy(mail.to);
      expect(copies).toHaveLength(2);
      expect(copies[1].messageId).toBe(copies[0].messageId);
      expect(copies[0].messageId).toBe(messageIdFor(mail.dedupKey, MAIL_FROM));
      expect(await row(mail.dedupKey)).toMatchObject({ status: 'sent', attempts: 2 });
    });

    it('should let two dispatchers share the due mail without sending any twice when they run at once', async () => {
      const mails = Array.from({ length: 7 }, () => warningMail());
      for (const mail of mails) {
        await enqueue(mail);
      }
      const other = new OutboxDispatcher(unitOfWork, clock, createMailer(config));

      const results = await Promise.all([dispatcher.dispatchDue(4), other.dispatchDue(4)]);

      expect(results[0].sent + results[1].sent).toBe(7);
      expect(smtp.received).toHaveLength(7);
      expect(new Set(smtp.received.map((mail) => mail.messageId)).size).toBe(7);
      await expect(dispatcher.dispatchDue()).resolves.toEqual({ sent: 0, failed: 0, retried: 0 });
    });

    // SKIP LOCKED exists only on MySQL/MariaDB; SQLite has one writer and queues transactions instead.
    itOnMysql('should skip a row another instance holds locked instead of waiting for it when on MySQL', async () => {
      const [locked, ...free] = [warningMail(), warningMail(), warningMail()];
      for (const mail of [locked, ...free]) {
        await enqueue(mail);
      }
      const lockedId = (await row(locked.dedupKey)).id;
      const holder = dataSource.createQueryRunner();
      await holder.connect();
      await holder.startTransaction();
      try {
        await holder.query('SELECT id FROM email_outbox WHERE id = ? FOR UPDATE', [lockedId]);
        await expect(dispatcher.dispatchDue()).resolves.toEqual({ sent: 2, failed: 0, retried: 0 });
        expect(smtp.receivedBy(locked.to)).toHaveLength(0);
      } finally {
        await holder.rollbackTransaction();
        await holder.release();
      }
      await expect(dispatcher.dispatchDue()).resolves.toEqual({ sent: 1, failed: 0, retried: 0 });
    });

    it('should record a temporary failure when the mailer throws something unexpected', async () => {
      const mail = warningMail();
      await enqueue(mail);
      const broken = new (class extends Mailer {
        send(): Promise<SentEmail> {
          return Promise.reject(new Error('disk full'));
        }
        describe(): string {
          return 'broken';
        }
      })();

      await expect(new OutboxDispatcher(unitOfWork, clock, broken).dispatchDue()).resolves.toEqual({
        sent: 0,
        failed: 0,
        retried: 1,
      });
      expect(await row(mail.dedupKey)).toMatchObject({ status: 'pending', lastError: 'disk full' });
      expect(new EmailSendError('x', false).permanent).toBe(false);
    });
  });

  describe('EmailOutbox.enqueue', () => {
    it('should refuse the mail and store nothing when the recipient is not one address', async () => {
      for (const to of ['a@x.cn, b@x.cn', 'not-an-address', '王 <w@x.cn>']) {
        await expect(enqueue(warningMail({ to }))).rejects.toThrow(DomainError);
      }
      expect(await dataSource.getRepository(OutboxEmail).count()).toBe(0);
    });

    it('should store nothing when the business transaction rolls back', async () => {
      const mail = warningMail();
      await expect(
        unitOfWork.run(async (manager) => {
          await outbox.enqueue(manager, mail);
          throw new Error('the step failed');
        }),
      ).rejects.toThrow('the step failed');
      expect(await dataSource.getRepository(OutboxEmail).count()).toBe(0);
    });
  });

  describe('EmlFileMailer', () => {
    it('should write an .eml file that mailparser reads when no SMTP_URL is configured', async () => {
      const emlConfig = loadConfig({ NODE_ENV: 'test', DATABASE_URL: database.url, DATA_DIR: dataDir, MAIL_FROM });
      const mailer = createMailer(emlConfig);
      expect(mailer).toBeInstanceOf(EmlFileMailer);
      const mail = warningMail({
        attachments: [
          {
            filename: '逾期清单.csv',
            contentType: 'text/csv; charset=UTF-8',
            content: '单位,任务\n市农业农村局,详查\n',
          },
        ],
      });
      await enqueue(mail);

      await expect(new OutboxDispatcher(unitOfWork, clock, mailer).dispatchDue()).resolves.toEqual({
        sent: 1,
        failed: 0,
        retried: 0,
      });

      const file = (mailer as EmlFileMailer).fileFor(mail.dedupKey);
      expect(path.dirname(file)).toBe(path.join(dataDir, 'outbox-eml'));
      const raw = fs.readFileSync(file);
      expect(raw.includes('\r\n')).toBe(true);
      const parsed = await simpleParser(raw);
      expect(parsed.subject).toBe(mail.subject);
      expect(parsed.text).toContain('现予以黄色预警');
      expect(parsed.messageId).toBe(messageIdFor(mail.dedupKey, MAIL_FROM));
      expect(addressesOf(parsed)).toEqual([mail.to]);
      expect(parsed.attachments[0].filename).toBe('逾期清单.csv');
      expect(parsed.attachments[0].content.toString('utf8')).toBe('单位,任务\n市农业农村局,详查\n');
      expect(await row(mail.dedupKey)).toMatchObject({ status: 'sent', messageId: parsed.messageId });
      expect(smtp.received).toHaveLength(0);
    });
  });
});
