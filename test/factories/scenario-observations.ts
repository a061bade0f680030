import { DataSource, In } from 'typeorm';
import { EscalationStepRecord } from '@app/escalation';
import { InboxMessage } from '@app/notify';
import { SupervisionCase } from '@app/supervision';
import { DurableTimer, type RecipientRole } from '@app/workflows';
import { localTimeOf, type ExpectedStep, type Scenario } from '../scenarios';
import type { ScenarioApi } from './scenario-api';
import type { ScenarioModel } from './scenario-events';
import type { ScenarioWorld, UnitAccounts } from './scenario-world';
import type { TestApp } from './test-app';

/** A step as both sides describe it, with the fields the expectation names (plus the always-checked ones). */
export type ComparableStep = Record<string, unknown>;

const ALWAYS = ['subject', 'kind', 'at', 'recipients', 'round'] as const;

/** The inbox kind each step's notice carries, and the page it links to. */
const NOTICE_KINDS: Record<string, (id: number) => { kind: string; link: string }> = {
  reminder_before_due: (id) => ({ kind: 'escalation.reminder_before_due', link: `/obligations/${id}` }),
  reminder_due: (id) => ({ kind: 'escalation.reminder_due', link: `/obligations/${id}` }),
  yellow_warning: (id) => ({ kind: 'escalation.yellow_warning', link: `/obligations/${id}` }),
  red_warning: (id) => ({ kind: 'escalation.red_warning', link: `/obligations/${id}` }),
  supervision_case: (caseId) => ({ kind: 'supervision_case', link: `/supervision-cases/${caseId}` }),
  interview: (interviewId) => ({ kind: 'interview', link: `/interviews/${interviewId}` }),
  interview_invite: (interviewId) => ({ kind: 'interview_invite', link: `/interviews/${interviewId}` }),
  interview_reminder: (interviewId) => ({ kind: 'interview_reminder', link: `/interviews/${interviewId}` }),
};
const STEP_NOTICE_KINDS = Object.keys(NOTICE_KINDS).map((kind) => NOTICE_KINDS[kind](0).kind);

/** Audit action and entity of each step kind: the engine's own entry, or the office's for a moved interview. */
function auditOf(row: EscalationStepRecord): { action: string; entityType: string } {
  switch (row.kind) {
    case 'interview':
      return { action: 'escalation.interview', entityType: 'supervision_case' };
    case 'interview_invite':
      return { action: 'interview.reschedule', entityType: 'interview' };
    case 'interview_reminder':
      return { action: 'escalation.interview_reminder', entityType: 'interview' };
    default:
      return { action: `escalation.${row.kind}`, entityType: 'obligation' };
  }
}

interface AuditEntry {
  action: string;
  at: string;
  after: Record<string, unknown> | null;
}

/**
 * Reads what the embedded engine did, from its records: the step log (every step, once), the inbox messages that
 * carried each step to its recipients, the audit trail, the cases and interviews it opened. Database reads are the
 * oracle here; everything people do goes through the API.
 */
export class ScenarioObserver {
  private readonly db: DataSource;
  readonly caseLabels = new Map<number, string>();
  readonly interviewLabels = new Map<number, string>();

  constructor(
    t: TestApp,
    private readonly api: ScenarioApi,
    private readonly scenario: Scenario,
    private readonly world: ScenarioWorld,
    private readonly model: ScenarioModel,
  ) {
    this.db = t.app.get(DataSource);
  }

  /** Names the cases and interviews the engine opened by the labels the expected steps give them. */
  async discover(): Promise<void> {
    const rows = await this.db.getRepository(EscalationStepRecord).find({
      where: { kind: In(['supervision_case', 'interview']) },
      order: { id: 'ASC' },
    });
    for (const row of rows) {
      if (row.kind === 'supervision_case') {
        const caseId = refId(row.recordRef, 'case');
        if (!this.caseLabels.has(caseId)) {
          const subject = this.obligationName(row.subjectId);
          const label = this.expectedStep(subject, 'supervision_case', row.round)?.opens ?? `case#${caseId}`;
          this.caseLabels.set(caseId, label);
          this.model.cases.set(label, { id: caseId, status: 'open' });
        }
      } else {
        const interviewId = refId(row.recordRef, 'interview');
        if (!this.interviewLabels.has(interviewId)) {
          const subject = this.caseLabels.get(row.subjectId) ?? `case#${row.subjectId}`;
          const label = this.expectedStep(subject, 'interview', 0)?.opens ?? `interview#${interviewId}`;
          this.interviewLabels.set(interviewId, label);
          this.model.interviews.set(label, { id: interviewId, status: 'scheduled' });
        }
      }
    }
  }

  /** When the engine next wants to run something, after `instant`. */
  async nextTimerAfter(instant: number): Promise<number | null> {
    const next = await this.db
      .getRepository(DurableTimer)
      .createQueryBuilder('t')
      .where("t.status = 'pending'")
      .andWhere('t.due_at > :at', { at: new Date(instant) })
      .orderBy('t.due_at', 'ASC')
      .getOne();
    return next ? next.dueAt.getTime() : null;
  }

  /** Every step issued, comparable to `expected.steps`, and what is wrong with the records behind them. */
  async steps(): Promise<{ actual: ComparableStep[]; expected: ComparableStep[]; problems: string[] }> {
    const problems: string[] = [];
    const rows = await this.db.getRepository(EscalationStepRecord).find({ order: { id: 'ASC' } });
    const messages = await this.db
      .getRepository(InboxMessage)
      .find({ where: { kind: In(STEP_NOTICE_KINDS) }, order: { id: 'ASC' } });
    const claimed = new Set<number>();
    const actual: ComparableStep[] = [];
    for (const row of rows) {
      const subject = this.subjectOf(row);
      const at = localTimeOf(row.issuedAt.getTime());
      const expected = this.expectedStep(subject, row.kind, row.round, at);
      const notice = NOTICE_KINDS[row.kind]?.(noticeSubjectId(row));
      const received = messages.filter(
        (m) =>
          notice !== undefined &&
          m.kind === notice.kind &&
          m.link === notice.link &&
          localTimeOf(m.createdAt.getTime()) === at,
      );
      received.forEach((m) => claimed.add(m.id));
      const audit = await this.auditEntry(row);
      if (!audit) {
        problems.push(`${subject} ${row.kind} at ${at}: no ${auditOf(row).action} entry in the audit trail`);
      }
      const step: ComparableStep = {
        subject,
        kind: row.kind,
        at,
        round: row.round,
        recipients: this.recipientsOf(
          row.unitId,
          received.map((m) => m.userId),
          expected?.recipients,
        ),
        supersedes: row.supersedes ?? [],
      };
      if (audit?.after && typeof audit.after.trigger === 'string') {
        step.trigger = audit.after.trigger;
      }
      if (audit?.after && typeof audit.after.provisionalCalendar === 'boolean') {
        step.provisionalCalendar = audit.after.provisionalCalendar;
      }
      if (row.kind === 'supervision_case') {
        const caseId = refId(row.recordRef, 'case');
        const opened = await this.db.getRepository(SupervisionCase).findOneByOrFail({ id: caseId });
        step.rectificationDeadline = localTimeOf(opened.rectificationDueAt.getTime());
        step.opens = this.caseLabels.get(caseId);
      }
      if (row.kind === 'interview') {
        step.opens = this.interviewLabels.get(refId(row.recordRef, 'interview'));
      }
      actual.push(project(step, expected));
    }
    for (const message of messages.filter((m) => !claimed.has(m.id))) {
      problems.push(
        `notice without a step: ${message.kind} ${message.link ?? ''} to ${this.world.usernames.get(message.userId)} at ${localTimeOf(message.createdAt.getTime())}`,
      );
    }
    const expected = this.scenario.expected.steps.map((step): ComparableStep => ({
      ...step,
      round: step.round ?? 0,
      recipients: [...step.recipients],
    }));
    return { actual: actual.sort(byTimeline), expected: expected.sort(byTimeline), problems };
  }

  /** The state of every obligation, case and interview, in the scenario's words. */
  async finalStates(): Promise<Record<string, unknown>> {
    const obligations: Record<string, { status: string; round: number }> = {};
    const page = await this.api.ok<{ items: Array<{ id: number; status: string; round: number }> }>(
      'office',
      'get',
      `/obligations?planId=${this.world.planId}&limit=500`,
    );
    for (const [name, id] of this.world.obligations) {
      const row = page.items.find((item) => item.id === id);
      obligations[name] = { status: row?.status ?? 'missing', round: row?.round ?? -1 };
    }
    const cases: Record<string, { obligation: string; status: string }> = {};
    for (const [label, { id }] of this.model.cases) {
      const detail = await this.api.ok<{ status: string; obligationIds: number[] }>(
        'supervisor',
        'get',
        `/supervision-cases/${id}`,
      );
      cases[label] = {
        obligation: this.obligationName(detail.obligationIds[0]),
        status: ['acknowledged', 'rectifying'].includes(detail.status) ? 'open' : detail.status,
      };
    }
    const interviews: Record<string, { case: string; status: string }> = {};
    for (const [label, { id }] of this.model.interviews) {
      const detail = await this.api.ok<{ status: string; caseId: number | null }>(
        'supervisor',
        'get',
        `/interviews/${id}`,
      );
      interviews[label] = {
        case: detail.caseId === null ? 'none' : (this.caseLabels.get(detail.caseId) ?? `case#${detail.caseId}`),
        status: detail.status,
      };
    }
    return { obligations, cases, interviews };
  }

  obligationName(id: number): string {
    for (const [name, known] of this.world.obligations) {
      if (known === id) {
        return name;
      }
    }
    return `obligation#${id}`;
  }

  private subjectOf(row: EscalationStepRecord): string {
    switch (row.subjectType) {
      case 'obligation':
        return this.obligationName(row.subjectId);
      case 'case':
        return this.caseLabels.get(row.subjectId) ?? `case#${row.subjectId}`;
      case 'interview':
        return this.interviewLabels.get(row.subjectId) ?? `interview#${row.subjectId}`;
    }
  }

  private expectedStep(subject: string, kind: string, round: number, at?: string): ExpectedStep | undefined {
    return this.scenario.expected.steps.find(
      (step) =>
        step.subject === subject &&
        step.kind === kind &&
        (step.round ?? 0) === round &&
        (at === undefined || step.at === at),
    );
  }

  /**
   * The recipients as roles: each expected role whose holders at the unit (or the office) all received the
   * notice; anyone else who received it, as `role:username`; nobody expected means the holders' own roles.
   */
  private recipientsOf(unitId: number, received: number[], expected?: readonly RecipientRole[]): string[] {
    const unit = [...this.world.units.values()].find((u) => u.unitId === unitId);
    const got = new Set(received);
    const roles: string[] = [];
    const covered = new Set<number>();
    for (const role of expected ?? []) {
      const holders = unit ? this.holders(role, unit) : [];
      if (holders.length > 0 && holders.every((id) => got.has(id))) {
        roles.push(role);
      }
      holders.forEach((id) => covered.add(id));
    }
    for (const id of got) {
      if (!covered.has(id)) {
        const role = this.world.roles.get(id) ?? 'unknown';
        roles.push(expected ? `${role}:${this.world.usernames.get(id)}` : role);
      }
    }
    return expected ? roles : [...new Set(roles)];
  }

  private holders(role: RecipientRole, unit: UnitAccounts): number[] {
    switch (role) {
      case 'unit_liaison':
        return unit.liaisons;
      case 'unit_head':
        return unit.heads;
      case 'unit_principal_head':
        return unit.heads.length > 0 ? unit.heads : unit.liaisons;
      case 'office_admin':
        return this.world.officeAdmins;
      case 'supervisor':
        return this.world.supervisors;
    }
  }

  private async auditEntry(row: EscalationStepRecord): Promise<AuditEntry | undefined> {
    const { action, entityType } = auditOf(row);
    const entries = await this.api.ok<AuditEntry[]>(
      'office',
      'get',
      `/audit?entityType=${entityType}&entityId=${row.subjectId}&limit=500`,
    );
    const minute = localTimeOf(row.issuedAt.getTime());
    return entries.find(
      (entry) =>
        entry.action === action &&
        localTimeOf(Date.parse(entry.at)) === minute &&
        (entry.after?.round === undefined || entry.after.round === row.round),
    );
  }
}

function noticeSubjectId(row: EscalationStepRecord): number {
  if (row.kind === 'supervision_case') {
    return refId(row.recordRef, 'case');
  }
  if (row.kind === 'interview') {
    return refId(row.recordRef, 'interview');
  }
  return row.subjectId;
}

function refId(recordRef: string | null, kind: 'case' | 'interview'): number {
  const match = recordRef?.match(new RegExp(`^${kind}:(\\d+)$`));
  if (!match) {
    throw new Error(`step record ${recordRef ?? '(none)'} is not a ${kind}`);
  }
  return Number(match[1]);
}

function project(step: ComparableStep, shape: ExpectedStep | undefined): ComparableStep {
  const keys = new Set<string>([...ALWAYS, ...Object.keys(shape ?? { opens: true })]);
  return Object.fromEntries([...keys].filter((key) => step[key] !== undefined).map((key) => [key, step[key]]));
}

function byTimeline(a: ComparableStep, b: ComparableStep): number {
  const key = (step: ComparableStep) => `${String(step.at)}|${String(step.subject)}|${String(step.kind)}`;
  return key(a).localeCompare(key(b));
}
