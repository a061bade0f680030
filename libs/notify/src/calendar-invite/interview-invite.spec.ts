import {
  buildInterviewInvite,
  escapeIcsText,
  foldIcsLine,
  INVITE_CONTENT_TYPE,
  interviewInviteAttachment,
  InterviewInvite,
} from './interview-invite';

function invite(overrides: Partial<InterviewInvite> = {}): InterviewInvite {
  return {
    uid: 'interview-1@soil.example.gov.cn',
    stamp: new Date('2026-12-20T02:00:00.123Z'),
    start: new Date('2027-01-05T06:30:00Z'),
    end: new Date('2027-01-05T08:00:00Z'),
    location: '市政府第三会议室',
    summary: '约谈：市农业农村局主要负责同志',
    description: '督办〔2026〕7号督办事项逾期未完成整改',
    organizer: { name: '阳江市土壤污染防治工作领导小组办公室', email: 'office@soil.example.gov.cn' },
    attendees: [{ name: '李局长', email: 'head@agri.example.gov.cn' }],
    ...overrides,
  };
}

/** A minimal RFC 5545 reader: unfold, split into lines, and read one property's value back. */
function unfold(ics: string): string[] {
  return ics
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter((line) => line !== '');
}

/** Values of a property without parameters (DESCRIPTION, LOCATION …), still escaped. */
function property(ics: string, name: string): string[] {
  return unfold(ics)
    .filter((line) => line.startsWith(`${name}:`))
    .map((line) => line.slice(name.length + 1));
}

function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, char: string) => (char === 'n' || char === 'N' ? '\n' : char));
}

describe(buildInterviewInvite.name, () => {
  it('should build a REQUEST with one VEVENT in UTC when given an interview', () => {
    const lines = unfold(buildInterviewInvite(invite()));
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines).toContain('VERSION:2.0');
    expect(lines).toContain('METHOD:REQUEST');
    expect(lines).toContain('UID:interview-1@soil.example.gov.cn');
    expect(lines).toContain('DTSTAMP:20261220T020000Z');
    expect(lines).toContain('DTSTART:20270105T063000Z');
    expect(lines).toContain('DTEND:20270105T080000Z');
    expect(lines).toContain('SUMMARY:约谈：市农业农村局主要负责同志');
    expect(lines).toContain('LOCATION:市政府第三会议室');
    expect(lines).toContain('ORGANIZER;CN="阳江市土壤污染防治工作领导小组办公室":mailto:office@soil.example.gov.cn');
    expect(lines).toContain(
      'ATTENDEE;CN="李局长";CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:head@agri.example.gov.cn',
    );
    expect(lines.filter((line) => line === 'BEGIN:VEVENT')).toHaveLength(1);
    expect(lines[lines.length - 1]).toBe('END:VCALENDAR');
  });

  it('should end every line with CRLF and use no bare LF when rendered', () => {
    const ics = buildInterviewInvite(invite({ description: '第一行\n第二行' }));
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('should escape commas, semicolons, backslashes and newlines when text carries them', () => {
    const description = '事由：逾期未整改;详见督办单, 附件\\说明\r\n第二段\n第三段';
    const ics = buildInterviewInvite(invite({ description, location: '会议室A,B;C' }));
    expect(property(ics, 'DESCRIPTION')[0]).toBe('事由：逾期未整改\\;详见督办单\\, 附件\\\\说明\\n第二段\\n第三段');
    expect(property(ics, 'LOCATION')[0]).toBe('会议室A\\,B\\;C');
    expect(unescapeText(property(ics, 'DESCRIPTION')[0])).toBe(description.replace(/\r\n/g, '\n'));
  });

  it('should quote CN and drop double quotes when a name contains special characters', () => {
    const ics = buildInterviewInvite(invite({ attendees: [{ name: '张"三";主任:,', email: 'z@example.gov.cn' }] }));
    expect(unfold(ics).find((line) => line.startsWith('ATTENDEE'))).toContain('CN="张三;主任:,";');
  });

  it('should fold a long Chinese description at 75 octets without splitting a UTF-8 character', () => {
    const description = '请被约谈人按时参加，原则上不得委托他人代为参加；请提前准备整改情况书面汇报材料。'.repeat(6);
    const ics = buildInterviewInvite(invite({ description }));
    const physical = ics.split('\r\n').filter((line) => line !== '');
    const descriptionLines = physical.slice(physical.findIndex((line) => line.startsWith('DESCRIPTION:')));
    expect(descriptionLines[1].startsWith(' ')).toBe(true);
    for (const line of physical) {
      const bytes = Buffer.from(line, 'utf8');
      expect(bytes.length).toBeLessThanOrEqual(75);
      // A line cut inside a 3-octet character would not survive a UTF-8 round trip on its own.
      expect(bytes.toString('utf8')).toBe(line);
      expect(new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toBe(line);
    }
    expect(unescapeText(property(ics, 'DESCRIPTION')[0])).toBe(description);
  });

  it('should refuse an interview that ends before it starts', () => {
    expect(() => buildInterviewInvite(invite({ end: new Date('2027-01-05T06:00:00Z') }))).toThrow(RangeError);
  });
});

describe(foldIcsLine.name, () => {
  it('should leave a line of exactly 75 octets unfolded', () => {
    expect(foldIcsLine('a'.repeat(75))).toBe('a'.repeat(75));
  });

  it('should fold at 75 octets and count the leading space of a continuation line when lines are long', () => {
    const folded = foldIcsLine('a'.repeat(75 + 74 + 1));
    expect(folded.split('\r\n')).toEqual(['a'.repeat(75), ` ${'a'.repeat(74)}`, ' a']);
  });

  it('should move a character that would straddle the limit to the next line when it has three octets', () => {
    // 74 ASCII octets leave one octet: the 3-octet 中 must start the continuation line.
    const folded = foldIcsLine(`${'a'.repeat(74)}中文`);
    expect(folded.split('\r\n')).toEqual(['a'.repeat(74), ' 中文']);
  });

  it('should keep a four-octet character whole when it falls on the limit', () => {
    const folded = foldIcsLine(`${'a'.repeat(73)}𠀀`);
    expect(folded.split('\r\n')).toEqual(['a'.repeat(73), ' 𠀀']);
  });
});

describe(escapeIcsText.name, () => {
  it('should remove control characters other than newlines when text carries them', () => {
    expect(escapeIcsText('a\u0007b\tc')).toBe('ab c');
  });
});

describe(interviewInviteAttachment.name, () => {
  it('should name the file invite.ics with the calendar content type when attached', () => {
    expect(interviewInviteAttachment('X')).toEqual({
      filename: 'invite.ics',
      contentType: INVITE_CONTENT_TYPE,
      content: 'X',
    });
    expect(INVITE_CONTENT_TYPE).toBe('text/calendar; method=REQUEST; charset=UTF-8');
  });
});
