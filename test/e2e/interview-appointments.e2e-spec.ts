import request from 'supertest';
import { DataSource } from 'typeorm';
import { DurableTimer } from '@app/workflows';
import { unitIdByName } from '../factories/org-lookup';
import { SmtpSink, startSmtpSink } from '../factories/smtp-sink';
import { startTestApp, TestApp } from '../factories/test-app';

interface InterviewBody {
  id: number;
  startsAt: string;
  place: string;
  status: string;
  events: Array<{ action: string }>;
}

/**
 * Moving an interview (约谈) that has not taken place: the supervisor or the office sets a new time and place, a new
 * invitation (the same calendar event, next SEQUENCE) goes out, and the reminder of the working day before follows
 * the new appointment, once.
 */
describe('Interview appointments (e2e)', () => {
  let t: TestApp;
  let smtp: SmtpSink;
  let interviewId: number;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const tokens = new Map<string, Promise<string>>();
  const login = (username: string): Promise<string> => {
    const known = tokens.get(username) ?? t.login(username);
    tokens.set(username, known);
    return known;
  };
  const moveTo = async (iso: string) => {
    t.clock.set(new Date(iso));
    await request(t.http)
      .post('/api/dev/clock')
      .set(as(await login('office')))
      .send({ now: iso })
      .expect(200);
  };
  const mails = (subject: string) => smtp.messages.filter((m) => (m.subject ?? '').includes(subject));
  const reschedule = async (username: string, body: object) =>
    request(t.http)
      .post(`/api/interviews/${interviewId}/reschedule`)
      .set(as(await login(username)))
      .send(body);

  beforeAll(async () => {
    smtp = await startSmtpSink();
    t = await startTestApp({ SMTP_URL: smtp.url, SESSION_TTL_HOURS: '720' });
    await moveTo('2026-11-16T10:00:00+08:00');
    const supervisor = await login('supervisor');
    const scheduled = await request(t.http)
      .post('/api/interviews')
      .set(as(supervisor))
      .send({
        unitId: await unitIdByName(t, supervisor, '阳江市农业农村局'),
        reason: '连续两期逾期报送工作进展情况',
        time: '2026-11-20T10:00:00+08:00',
        place: '市政府3号楼第一会议室',
        attendees: ['领导小组办公室主任'],
        followUpDueAt: '2026-12-04T18:00:00+08:00',
      })
      .expect(201);
    interviewId = scheduled.body.id as number;
    await moveTo('2026-11-16T10:01:00+08:00');
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('should refuse the unit, and bad input naming the field, changing nothing', async () => {
    for (const username of ['liaison', 'head', 'leader']) {
      expect((await reschedule(username, { time: '2026-11-25T10:00:00+08:00', place: '会议室' })).status).toBe(403);
    }
    const cases: Array<[object, string]> = [
      [{ time: '2026-11-10T10:00:00+08:00', place: '会议室' }, 'time'],
      [{ time: '2026-11-25 10:00', place: '会议室' }, 'time'],
      [{ time: '2026-11-25T10:00:00+08:00', place: '' }, 'place'],
      [{ time: '2026-11-25T10:00:00+08:00', endsAt: '2026-11-25T09:00:00+08:00', place: '会议室' }, 'endsAt'],
    ];
    for (const [body, field] of cases) {
      const response = await reschedule('supervisor', body);
      expect(response.status).toBe(400);
      expect(JSON.stringify(response.body)).toContain(field);
    }
    const detail = await request(t.http)
      .get(`/api/interviews/${interviewId}`)
      .set(as(await login('supervisor')))
      .expect(200);
    expect((detail.body as InterviewBody).startsAt).toBe('2026-11-20T02:00:00.000Z');
  });

  it('should move the interview and send the new invitation as the next version of the same event', async () => {
    const invitesBefore = mails('约谈通知').length;
    const response = await reschedule('supervisor', {
      time: '2026-11-25T10:00:00+08:00',
      place: '市生态环境局三楼会议室',
      reason: '主要负责同志参加省里会议',
    });
    expect(response.status).toBe(200);
    expect(response.body as InterviewBody).toMatchObject({
      startsAt: '2026-11-25T02:00:00.000Z',
      place: '市生态环境局三楼会议室',
      status: 'scheduled',
    });
    expect((response.body as InterviewBody).events.map((e) => e.action)).toEqual(['schedule', 'reschedule']);
    await moveTo('2026-11-16T10:05:00+08:00');
    const invites = mails('约谈通知').slice(invitesBefore);
    expect(invites.length).toBeGreaterThan(0);
    for (const invite of invites) {
      const ics = invite.attachments.find((a) => a.filename === 'invite.ics')?.content.toString() ?? '';
      expect(ics).toContain('SEQUENCE:1');
      expect(ics).toContain('DTSTART:20261125T020000Z');
      expect(ics).toContain(`UID:interview-${interviewId}@`);
    }
    const head = await request(t.http)
      .get('/api/inbox')
      .set(as(await login('head')))
      .expect(200);
    expect((head.body as Array<{ kind: string }>).filter((m) => m.kind === 'interview_invite')).toHaveLength(1);
    const audit = await request(t.http)
      .get('/api/audit')
      .query({ entityType: 'interview', entityId: String(interviewId) })
      .set(as(await login('office')))
      .expect(200);
    expect((audit.body as Array<{ action: string }>).map((a) => a.action)).toContain('interview.reschedule');
  });

  it('should remind the working day before the new appointment, not the old one, once', async () => {
    await moveTo('2026-11-19T09:30:00+08:00');
    expect(mails('约谈提醒')).toHaveLength(0);
    await moveTo('2026-11-24T09:00:00+08:00');
    const reminders = mails('约谈提醒');
    expect(reminders.length).toBeGreaterThan(0);
    expect(reminders.every((m) => (m.text ?? '').includes('市生态环境局三楼会议室'))).toBe(true);
    await moveTo('2026-11-24T10:00:00+08:00');
    expect(mails('约谈提醒')).toHaveLength(reminders.length);
    const head = await request(t.http)
      .get('/api/inbox')
      .set(as(await login('head')))
      .expect(200);
    expect((head.body as Array<{ kind: string }>).filter((m) => m.kind === 'interview_reminder')).toHaveLength(1);
  });

  it('should refuse to move an interview that has been held', async () => {
    await request(t.http)
      .post(`/api/interviews/${interviewId}/minutes`)
      .set(as(await login('supervisor')))
      .send({ minutes: '说明了逾期原因并作出整改承诺。' })
      .expect(200);
    expect((await reschedule('supervisor', { time: '2026-12-01T10:00:00+08:00', place: '会议室' })).status).toBe(409);
  });

  it("should remind at the plan's own office opening when the interview is about a case of that plan", async () => {
    const office = await login('office');
    const supervisor = await login('supervisor');
    const imported = await request(t.http)
      .post('/api/plans/import')
      .set(as(office))
      .send({
        text: [
          '阳江市2026年农用地安全利用工作要点',
          '一、农用地',
          '（一）开展农用地土壤污染状况详查。2026年底前完成。（市农业农村局牵头）',
        ].join('\n'),
      })
      .expect(201);
    const planId = (imported.body as { id: number }).id;
    await request(t.http)
      .put(`/api/plans/${planId}/ladder`)
      .set(as(office))
      .send({ officeOpensAt: '08:30' })
      .expect(200);
    const unitId = await unitIdByName(t, supervisor, '阳江市农业农村局');
    const opened = await request(t.http)
      .post('/api/supervision-cases')
      .set(as(supervisor))
      .send({ unitId, planId, reason: '督查发现详查进度滞后' })
      .expect(201);
    const scheduled = await request(t.http)
      .post('/api/interviews')
      .set(as(supervisor))
      .send({
        unitId,
        caseId: (opened.body as { id: number }).id,
        reason: '详查进度滞后',
        time: '2026-12-03T10:00:00+08:00',
        place: '市政府3号楼第二会议室',
        attendees: ['领导小组办公室主任'],
        followUpDueAt: '2026-12-18T18:00:00+08:00',
      })
      .expect(201);
    const timer = await t.app
      .get(DataSource)
      .getRepository(DurableTimer)
      .findOneByOrFail({ subjectType: 'interview', subjectId: String((scheduled.body as { id: number }).id) });
    // Wednesday 2 December, the working day before, at the plan's 08:30 (the calendar's default is 09:00).
    expect(timer.dueAt.toISOString()).toBe(new Date('2026-12-02T08:30:00+08:00').toISOString());
  });
});
