import type { EmailAttachment } from '../email/outbox-email.entity';

/** RFC 5545 calendar invites (日程邀请) for interviews (约谈). Pure: no clock, no I/O. */

export interface CalendarPerson {
  name: string;
  email: string;
}

export interface InterviewInvite {
  /** Globally unique and stable for the interview, e.g. `interview-12@soil.example.gov.cn`: a rescheduled invite
   * reuses it with a higher `sequence` so calendars update the event instead of adding one. */
  uid: string;
  /** DTSTAMP: when the invite was created (from the injected clock). */
  stamp: Date;
  start: Date;
  end: Date;
  location: string;
  summary: string;
  description: string;
  organizer: CalendarPerson;
  attendees: CalendarPerson[];
  sequence?: number;
}

export const INVITE_FILENAME = 'invite.ics';
export const INVITE_CONTENT_TYPE = 'text/calendar; method=REQUEST; charset=UTF-8';

/** The invite as an iCalendar object (METHOD:REQUEST, one VEVENT, times in UTC), CRLF lines folded at 75 octets. */
export function buildInterviewInvite(invite: InterviewInvite): string {
  if (!(invite.end.getTime() > invite.start.getTime())) {
    throw new RangeError('an interview must end after it starts');
  }
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Leading Group Office//Action Plan Notifications//ZH',
    'CALSCALE:GREGORIAN',
    'METHOD:REQUEST',
    'BEGIN:VEVENT',
    `UID:${escapeIcsText(invite.uid)}`,
    `SEQUENCE:${invite.sequence ?? 0}`,
    `DTSTAMP:${icsUtc(invite.stamp)}`,
    `DTSTART:${icsUtc(invite.start)}`,
    `DTEND:${icsUtc(invite.end)}`,
    `SUMMARY:${escapeIcsText(invite.summary)}`,
    `LOCATION:${escapeIcsText(invite.location)}`,
    `DESCRIPTION:${escapeIcsText(invite.description)}`,
    'STATUS:CONFIRMED',
    'TRANSP:OPAQUE',
    `ORGANIZER;CN=${icsParam(invite.organizer.name)}:${mailto(invite.organizer.email)}`,
    ...invite.attendees.map(
      (attendee) =>
        `ATTENDEE;CN=${icsParam(attendee.name)};CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:${mailto(attendee.email)}`,
    ),
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldIcsLine).join('\r\n') + '\r\n';
}

/** The invite as the attachment of the interview email. */
export function interviewInviteAttachment(ics: string): EmailAttachment {
  return { filename: INVITE_FILENAME, contentType: INVITE_CONTENT_TYPE, content: ics };
}

/** `20261203T063000Z`. */
export function icsUtc(instant: Date): string {
  if (Number.isNaN(instant.getTime())) {
    throw new RangeError('invalid date');
  }
  return instant
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

/** TEXT value escaping (RFC 5545 §3.3.11): backslash, semicolon, comma, and newlines as `\n`. */
export function escapeIcsText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/\t/g, ' ')
    .split('')
    .filter((char) => !isControl(char))
    .join('');
}

/**
 * A parameter value (§3.2) is always quoted here, so `:`, `;` and `,` in a name are safe; a quoted string cannot
 * hold a double quote or a control character, so those are dropped.
 */
function icsParam(value: string): string {
  return `"${[...value]
    .filter((char) => char !== '"' && !isControl(char))
    .join('')
    .trim()}"`;
}

function mailto(email: string): string {
  return `mailto:${[...email].filter((char) => char !== '"' && !/\s/.test(char) && !isControl(char)).join('')}`;
}

function isControl(char: string): boolean {
  const code = char.charCodeAt(0);
  return code < 0x20 || code === 0x7f;
}

/**
 * Folds a content line at 75 octets (§3.1): CRLF then one space, which counts toward the next line's 75. Splits
 * only between code points, so no UTF-8 sequence (three octets per Chinese character) is ever cut in two.
 */
export function foldIcsLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    if (octets + size > 75) {
      parts.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n');
}
