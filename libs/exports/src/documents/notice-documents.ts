import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { DomainError } from '@app/core';
import { Unit } from '@app/org';
import { Plan, Task } from '@app/plans';
import { Obligation, periodLabel } from '@app/reporting';
import {
  caseNumberOf,
  circularNumber,
  CircularReader,
  CircularsService,
  Interview,
  SupervisionCase,
  SupervisionCaseLink,
} from '@app/supervision';
import { localDateOf, WorkingCalendarProvider } from '@app/workflows';
import { DOCX_TYPE, ExportFile, safeFilename } from '../common/export-file';
import { issuingOfficeName } from '../common/issuing-office';
import { circularDocument } from './circular.document';
import { interviewNoticeDocument } from './interview-notice.document';
import { OfficialDocument, packDocument } from './official-document';
import { supervisionNoticeDocument } from './supervision-notice.document';

/** Working days a circular gives the units it lists to make up their reports. */
export const CIRCULAR_MAKE_UP_WORKING_DAYS = 3;

/**
 * The .docx of a supervision notice (督办通知单), an interview notice (约谈通知) and a monthly circular (通报), built
 * from the stored records. Jurisdiction over cases and interviews is checked by the route; circulars by the
 * circulars service, which knows who reads them.
 */
@Injectable()
export class NoticeDocuments {
  constructor(
    private readonly dataSource: DataSource,
    private readonly circulars: CircularsService,
    private readonly calendars: WorkingCalendarProvider,
  ) {}

  async supervisionNotice(caseId: number): Promise<ExportFile> {
    const em = this.dataSource.manager;
    const supervisionCase = await em.findOneBy(SupervisionCase, { id: caseId });
    if (!supervisionCase) {
      throw DomainError.notFound('督办件', caseId);
    }
    const plan = supervisionCase.planId ? await em.findOneBy(Plan, { id: supervisionCase.planId }) : null;
    const unit = await em.findOneByOrFail(Unit, { id: supervisionCase.unitId });
    const links = await em.find(SupervisionCaseLink, { where: { caseId }, order: { id: 'ASC' } });
    const obligationIds = linkIds(links, 'obligation');
    const obligations = obligationIds.length ? await em.findBy(Obligation, { id: In(obligationIds) }) : [];
    const taskIds = [...new Set([...linkIds(links, 'task'), ...obligations.map((o) => o.taskId)])];
    const tasks = taskIds.length ? await em.findBy(Task, { id: In(taskIds) }) : [];
    const title = (taskId: number) => tasks.find((t) => t.id === taskId)?.title ?? '';
    const number = caseNumberOf(supervisionCase);
    return docx(
      `${number}挂牌督办通知（${unit.name}）`,
      `supervision-notice-${supervisionCase.year}-${supervisionCase.number}.docx`,
      supervisionNoticeDocument({
        issuer: await issuingOfficeName(em, supervisionCase.governmentId, plan),
        number,
        unitName: unit.name,
        reason: supervisionCase.reason,
        tasks: linkIds(links, 'task').map((id) => ({
          ref: tasks.find((t) => t.id === id)?.ref ?? '',
          title: title(id),
        })),
        reports: obligations.map((o) => ({
          periodLabel: periodLabel(o.period),
          taskTitle: title(o.taskId),
          dueAt: o.dueAt,
        })),
        rectificationDueAt: supervisionCase.rectificationDueAt,
        openedAt: supervisionCase.openedAt,
      }),
    );
  }

  async interviewNotice(interviewId: number): Promise<ExportFile> {
    const em = this.dataSource.manager;
    const interview = await em.findOneBy(Interview, { id: interviewId });
    if (!interview) {
      throw DomainError.notFound('约谈', interviewId);
    }
    const supervisionCase = interview.caseId ? await em.findOneBy(SupervisionCase, { id: interview.caseId }) : null;
    const plan = supervisionCase?.planId ? await em.findOneBy(Plan, { id: supervisionCase.planId }) : null;
    const unit = await em.findOneByOrFail(Unit, { id: interview.unitId });
    return docx(
      `约谈通知（${unit.name}）`,
      `interview-notice-${interview.id}.docx`,
      interviewNoticeDocument({
        issuer: await issuingOfficeName(em, interview.governmentId, plan),
        unitName: unit.name,
        principalHead: interview.principalHead,
        reason: interview.reason,
        startsAt: interview.startsAt,
        endsAt: interview.endsAt,
        place: interview.place,
        attendees: interview.attendees,
        followUpDueAt: interview.followUpDueAt,
        caseNumber: supervisionCase ? caseNumberOf(supervisionCase) : null,
        issuedAt: interview.createdAt,
      }),
    );
  }

  async circular(reader: CircularReader, circularId: number): Promise<ExportFile> {
    const circular = await this.circulars.get(reader, circularId);
    const calendar = this.calendars.calendar();
    const makeUpBy = calendar.addWorkingDays(
      localDateOf(circular.publishedAt.getTime()),
      CIRCULAR_MAKE_UP_WORKING_DAYS,
    );
    const number = circularNumber(circular.year, circular.number);
    const document = circularDocument({
      issuer: await issuingOfficeName(this.dataSource.manager, circular.governmentId, null),
      number,
      periodLabel: periodLabel(circular.period),
      body: circular.body,
      publishedAt: circular.publishedAt,
      makeUpBy: new Date(`${makeUpBy}T12:00:00+08:00`),
    });
    return docx(`${number}${document.title}`, `circular-${circular.year}-${circular.number}.docx`, document);
  }
}

function linkIds(links: SupervisionCaseLink[], kind: SupervisionCaseLink['kind']): number[] {
  return links.filter((l) => l.kind === kind).map((l) => l.refId);
}

async function docx(name: string, asciiFilename: string, document: OfficialDocument): Promise<ExportFile> {
  return {
    filename: `${safeFilename(name)}.docx`,
    asciiFilename,
    contentType: DOCX_TYPE,
    body: await packDocument(document),
  };
}
