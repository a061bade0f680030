export {
  buildInterviewInvite,
  interviewInviteAttachment,
  escapeIcsText,
  foldIcsLine,
  icsUtc,
  INVITE_CONTENT_TYPE,
  INVITE_FILENAME,
} from './interview-invite';
export type { CalendarPerson, InterviewInvite } from './interview-invite';
