import { Provider } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import { EmlFileMailer } from './eml-file-mailer';
import { Mailer } from './mailer';
import { SmtpMailer } from './smtp-mailer';

/** SMTP when SMTP_URL is set; otherwise .eml files under DATA_DIR, so a fresh install "sends" without a server. */
export function createMailer(config: AppConfig): Mailer {
  return config.smtpUrl
    ? new SmtpMailer(config.smtpUrl, config.mailFrom)
    : new EmlFileMailer(config.dataDir, config.mailFrom);
}

export const mailerProvider: Provider = { provide: Mailer, inject: [APP_CONFIG], useFactory: createMailer };
