import * as path from 'node:path';
import request from 'supertest';
import { unitIdByName } from '../../factories/org-lookup';
import type { TestApp } from '../../factories/test-app';

export const SEED_002 = path.resolve(__dirname, '../../../../shared/seeds/002_ed72ecd477f74a50.txt');

/** Imports seed 002 through the API, creates a unit for every name it cannot resolve, and publishes it. */
export async function publishSeed002(t: TestApp): Promise<number> {
  const office = await t.login('office');
  const as = { Authorization: `Bearer ${office}` };
  const imported = await request(t.http).post('/api/plans/import').set(as).attach('file', SEED_002).expect(201);
  const planId = imported.body.id as number;
  const cityId = await unitIdByName(t, office, '阳江市人民政府');
  const created = new Map<string, number>();
  // Re-read after each mapping: a new alias can resolve other spellings of the same name too.
  for (;;) {
    const unresolved = await request(t.http).get(`/api/plans/${planId}/unresolved`).set(as).expect(200);
    const first = (unresolved.body as Array<{ rawName: string }>)[0];
    if (!first) {
      break;
    }
    const name = `阳江市${first.rawName.replace(/^市/, '')}（新建）`;
    if (!created.has(name)) {
      const unit = await request(t.http)
        .post('/api/units')
        .set(as)
        .send({ parentId: cityId, kind: 'department', level: 'city', name })
        .expect(201);
      created.set(name, unit.body.id as number);
    }
    await request(t.http)
      .post(`/api/plans/${planId}/unit-mappings`)
      .set(as)
      .send({ rawName: first.rawName, unitId: created.get(name) })
      .expect(200);
  }
  await request(t.http).post(`/api/plans/${planId}/publish`).set(as).expect(200);
  return planId;
}
