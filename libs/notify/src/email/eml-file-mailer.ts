import { createHash } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { createTransport } from 'nodemailer';
import type { StreamSentMessageInfo, Transporter } from 'nodemailer';
import { EmailSendError, Mailer, OutgoingEmail, SentEmail } from './mailer';
import { toNodemailerMessage } from './nodemailer-message';

/**
 * Without SMTP_URL, each message becomes a real RFC 822 file, `{dataDir}/outbox-eml/{hash}.eml`, that any mail
 * client opens. The file name comes from the dedup key, so sending the same outbox row twice rewrites one file.
 */
export class EmlFileMailer extends Mailer {
  readonly directory: string;
  private readonly transport: Transporter<StreamSentMessageInfo>;

  constructor(
    dataDir: string,
    private readonly mailFrom: string,
  ) {
    super();
    this.directory = path.join(dataDir, 'outbox-eml');
    this.transport = createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  }

  async send(mail: OutgoingEmail): Promise<SentEmail> {
    try {
      const info = await this.transport.sendMail(toNodemailerMessage(mail, this.mailFrom));
      const file = this.fileFor(mail.dedupKey);
      await fs.mkdir(this.directory, { recursive: true });
      // Write then rename: a reader never sees half a message.
      const partial = `${file}.${process.pid}.tmp`;
      await fs.writeFile(partial, info.message as Buffer);
      await fs.rename(partial, file);
      return { messageId: info.messageId };
    } catch (error) {
      throw new EmailSendError(error instanceof Error ? error.message : String(error), false);
    }
  }

  /** Where the message with this dedup key is (or will be) written. */
  fileFor(dedupKey: string): string {
    const name = createHash('sha256').update(dedupKey, 'utf8').digest('hex').slice(0, 32);
    return path.join(this.directory, `${name}.eml`);
  }

  describe(): string {
    return `.eml files in ${this.directory}`;
  }
}
