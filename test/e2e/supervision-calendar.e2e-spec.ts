import request from 'supertest';
import { WorkingCalendarProvider } from '@app/workflows';
import { unitIdByName } from '../factories/org-lookup';
import { startTestApp, TestApp } from '../factories/test-app';

/** Monday 2 March 2026, 10:00 in Shanghai. */
const START = new Date('2026-03-02T02:00:00Z');

interface YearBody {
  year: number;
  source: string;
  provisional: boolean;
  officeNoticeEntered: boolean;
  corrections: number;
}

describe('CalendarController (e2e)', () => {
  let t: TestApp;
  let calendars: WorkingCalendarProvider;
  const tokens: Record<string, string> = {};
  const as = (login: string) => ({ Authorization: `Bearer ${tokens[login]}` });
  const isWorkingDay = (date: string) => calendars.calendar().isWorkingDay(date);
  const year = async (y: number): Promise<YearBody | undefined> => {
    const response = await request(t.http).get('/api/calendar/years').set(as('liaison')).expect(200);
    return (response.body as YearBody[]).find((entry) => entry.year === y);
  };

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set(START);
    for (const login of ['office', 'admin', 'supervisor', 'liaison', 'leader']) {
      tokens[login] = await t.login(login);
    }
    calendars = t.app.get(WorkingCalendarProvider);
  });
  afterAll(async () => t.close());

  describe('GET /api/calendar/years', () => {
    it('should show the package years as settled and the years after it as provisional', async () => {
      expect(await year(2026)).toEqual({
        year: 2026,
        source: 'package',
        provisional: false,
        officeNoticeEntered: false,
        corrections: 0,
      });
      expect(await year(2027)).toMatchObject({ source: 'statutory_fallback', provisional: true });
    });
  });

  describe('corrections', () => {
    it('should make a working day a holiday at once when the office adds a correction', async () => {
      expect(isWorkingDay('2026-03-09')).toBe(true);
      const response = await request(t.http)
        .post('/api/calendar/corrections')
        .set(as('office'))
        .send({ date: '2026-03-09', kind: 'holiday', note: '地方性节日' })
        .expect(201);
      expect(response.body).toMatchObject({ date: '2026-03-09', kind: 'holiday', createdBy: 'user:office' });
      expect(isWorkingDay('2026-03-09')).toBe(false);
      const list = await request(t.http).get('/api/calendar/corrections').set(as('leader')).expect(200);
      expect((list.body as Array<{ date: string }>).map((c) => c.date)).toEqual(['2026-03-09']);
      expect(await year(2026)).toMatchObject({ corrections: 1 });
    });

    it('should move the default rectification deadline of a new case past the new holiday', async () => {
      const agriId = await unitIdByName(t, tokens.office, '阳江市农业农村局');
      const response = await request(t.http)
        .post('/api/supervision-cases')
        .set(as('supervisor'))
        .send({ unitId: agriId, reason: '逾期未报送' })
        .expect(201);
      expect(response.body.rectificationDueAt).toBe('2026-03-17T10:00:00.000Z');
    });

    it('should make a Saturday a working day with a workday correction', async () => {
      expect(isWorkingDay('2026-03-07')).toBe(false);
      await request(t.http)
        .post('/api/calendar/corrections')
        .set(as('admin'))
        .send({ date: '2026-03-07', kind: 'workday', note: '调休上班' })
        .expect(201);
      expect(isWorkingDay('2026-03-07')).toBe(true);
    });

    it('should refuse a second correction for the same day (409) and bad input (400 naming the field)', async () => {
      await request(t.http)
        .post('/api/calendar/corrections')
        .set(as('office'))
        .send({ date: '2026-03-09', kind: 'workday' })
        .expect(409);
      const badDate = await request(t.http)
        .post('/api/calendar/corrections')
        .set(as('office'))
        .send({ date: '2026-02-30', kind: 'holiday' })
        .expect(400);
      expect(badDate.body.fields).toHaveProperty('date');
      const badKind = await request(t.http)
        .post('/api/calendar/corrections')
        .set(as('office'))
        .send({ date: '2026-03-10', kind: 'rest' })
        .expect(400);
      expect(badKind.body.fields).toHaveProperty('kind');
      expect(isWorkingDay('2026-03-10')).toBe(true);
    });

    it('should refuse corrections by a liaison, a supervisor and a leader (403)', async () => {
      for (const login of ['liaison', 'supervisor', 'leader']) {
        await request(t.http)
          .post('/api/calendar/corrections')
          .set(as(login))
          .send({ date: '2026-03-10', kind: 'holiday' })
          .expect(403);
        await request(t.http).delete('/api/calendar/corrections/2026-03-09').set(as(login)).expect(403);
      }
      expect(isWorkingDay('2026-03-09')).toBe(false);
    });

    it('should restore the day when the office deletes the correction', async () => {
      await request(t.http).delete('/api/calendar/corrections/2026-03-09').set(as('office')).expect(204);
      expect(isWorkingDay('2026-03-09')).toBe(true);
      await request(t.http).delete('/api/calendar/corrections/2026-03-09').set(as('office')).expect(404);
    });

    it('should audit every change', async () => {
      const audit = await request(t.http)
        .get('/api/audit')
        .query({ entityType: 'calendar_correction' })
        .set(as('admin'))
        .expect(200);
      expect(
        (audit.body as Array<{ action: string; entityId: string }>).map((a) => `${a.action} ${a.entityId}`),
      ).toEqual([
        'calendar_correction.remove 2026-03-09',
        'calendar_correction.add 2026-03-07',
        'calendar_correction.add 2026-03-09',
      ]);
    });
  });

  describe('office notice years', () => {
    it('should stop treating a year as provisional once the office marks its notice entered', async () => {
      expect(isWorkingDay('2027-01-01')).toBe(false);
      const marked = await request(t.http)
        .put('/api/calendar/notice-years/2027')
        .set(as('office'))
        .send({ note: '国办发明电〔2026〕X号' })
        .expect(200);
      expect(marked.body).toMatchObject({ year: 2027, note: '国办发明电〔2026〕X号' });
      expect(await year(2027)).toMatchObject({
        source: 'office_notice',
        provisional: false,
        officeNoticeEntered: true,
      });
      expect(calendars.calendar().isProvisional(2027)).toBe(false);
      // From now on only the office's entries count for 2027: New Year's Day is a holiday once entered.
      expect(isWorkingDay('2027-01-01')).toBe(true);
      await request(t.http)
        .post('/api/calendar/corrections')
        .set(as('office'))
        .send({ date: '2027-01-01', kind: 'holiday', note: '元旦' })
        .expect(201);
      expect(isWorkingDay('2027-01-01')).toBe(false);
    });

    it('should refuse marking by a leader (403) and a malformed year (400)', async () => {
      await request(t.http).put('/api/calendar/notice-years/2028').set(as('leader')).send({}).expect(403);
      const bad = await request(t.http).put('/api/calendar/notice-years/abc').set(as('office')).send({}).expect(400);
      expect(bad.body.fields).toHaveProperty('year');
    });

    it('should make the year provisional again when the mark is withdrawn', async () => {
      await request(t.http).delete('/api/calendar/notice-years/2027').set(as('office')).expect(204);
      expect(await year(2027)).toMatchObject({ source: 'statutory_fallback', provisional: true });
      await request(t.http).delete('/api/calendar/notice-years/2027').set(as('office')).expect(404);
    });
  });
});
