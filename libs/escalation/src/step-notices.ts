import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@app/config';
import { EmailContent, EmailOutbox, InboxService } from '@app/notify';
import { Unit } from '@app/org';
import { Plan } from '@app/plans';
import { RecipientDirectory } from '@app/supervision';
import { EscalationStepKind, recipientDedupKey } from '@app/workflows';

export interface StepNotice {
  step: EscalationStepKind;
  /** The step's dedup key; each recipient's inbox message and email extend it. */
  stepKey: string;
  unit: Unit;
  governmentId: number;
  content: EmailContent;
  path: string;
}

/** Sends a ladder step's notice to its recipients: the in-app inbox and, where the user has an address, email. */
@Injectable()
export class StepNotices {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly recipients: RecipientDirectory,
    private readonly inbox: InboxService,
    private readonly outbox: EmailOutbox,
  ) {}

  get publicUrl(): string {
    return this.config.publicUrl;
  }

  async send(em: EntityManager, notice: StepNotice): Promise<number> {
    const recipients = await this.recipients.forStep(em, notice.step, notice.unit, notice.governmentId);
    for (const { user } of recipients) {
      await this.inbox.deliver(em, {
        userId: user.id,
        kind: `escalation.${notice.step}`,
        title: notice.content.subject,
        body: notice.content.text,
        link: notice.path,
        dedupKey: recipientDedupKey(notice.stepKey, `inbox:${user.id}`),
      });
      if (user.email) {
        await this.outbox.enqueue(em, {
          dedupKey: recipientDedupKey(notice.stepKey, `email:${user.id}`),
          to: user.email,
          ...notice.content,
        });
      }
    }
    return recipients.length;
  }

  /** The name a notice is signed with: the plan's issuing office, else the government's leading-group office. */
  async officeName(em: EntityManager, plan: Plan): Promise<string> {
    const named = await em.findBy(Unit, { id: In([plan.issuingUnitId, plan.governmentId]) });
    const issuing = named.find((u) => u.id === plan.issuingUnitId);
    if (issuing && issuing.kind !== 'government') {
      return issuing.name;
    }
    const offices = await em.findBy(Unit, { parentId: plan.governmentId, kind: 'office' });
    const office = offices.find((u) => u.name.includes('领导小组办公室')) ?? offices[0];
    return office?.name ?? named.find((u) => u.id === plan.governmentId)?.name ?? '领导小组办公室';
  }
}
