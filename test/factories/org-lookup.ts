import request from 'supertest';
import type { TestApp } from './test-app';

/** Looks up a demo unit's id by its full name, as the office sees it. */
export async function unitIdByName(t: TestApp, token: string, name: string): Promise<number> {
  const response = await request(t.http)
    .get('/api/units')
    .query({ q: name })
    .set('Authorization', `Bearer ${token}`)
    .expect(200);
  const unit = (response.body as Array<{ id: number; name: string }>).find((u) => u.name === name);
  if (!unit) {
    throw new Error(`unit ${name} not found`);
  }
  return unit.id;
}
