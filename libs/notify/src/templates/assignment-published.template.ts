import { formatChineseDate } from './chinese-date';
import { appLink, EmailContent, NoticeSender, quoted, renderNotice } from './notice-layout';

export interface AssignmentPublishedInput extends NoticeSender {
  unitName: string;
  /** 牵头 (lead) or 参与/协办 (participant). */
  role: 'lead' | 'participant';
  planTitle: string;
  /** Section reference of the task, e.g. `二/(三)/1`. */
  taskRef: string;
  taskTitle: string;
  acknowledgeDueAt: Date;
  /** App path of the assignment, e.g. `/assignments/12`. */
  path: string;
}

/** 任务下达：the task is assigned to the unit, which must acknowledge (签收) it by the due date. */
export function assignmentPublishedEmail(input: AssignmentPublishedInput): EmailContent {
  const due = formatChineseDate(input.acknowledgeDueAt);
  const role = input.role === 'lead' ? '牵头负责' : '参与（协办）';
  return renderNotice({
    subject: `【任务下达】${quoted(input.taskTitle)}任务已下达，请于${due}前签收`,
    salutation: input.unitName,
    blocks: [
      {
        kind: 'paragraph',
        text: `《${input.planTitle.replace(/^《|》$/g, '')}》已印发实施。根据任务分工，第${input.taskRef}项任务${quoted(
          input.taskTitle,
        )}由你单位${role}，现予下达。`,
      },
      {
        kind: 'paragraph',
        text: `请于${due}前登录系统签收，明确责任领导和联络员，并按要求按时报送工作进展情况。逾期未签收的，将予以提醒督促。`,
      },
      { kind: 'link', label: '任务详情', url: appLink(input.publicUrl, input.path) },
      { kind: 'paragraph', text: '特此通知。' },
    ],
    sender: input,
  });
}
