import request from 'supertest';
import { startTestApp, TestApp } from '../factories/test-app';

interface Operation {
  parameters?: Array<{ name: string; in: string; schema?: { type?: string; $ref?: string } }>;
  responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
}

/** What the web client is generated from (`npm run gen:api`): error bodies and paging parameters are typed. */
describe('OpenAPI document (e2e)', () => {
  let t: TestApp;
  let document: Document;

  beforeAll(async () => {
    t = await startTestApp();
    document = (await request(t.http).get('/api/docs-json').expect(200)).body as Document;
  });
  afterAll(async () => {
    await t.close();
  });

  it('should describe the error body with its field reasons', () => {
    expect(document.components.schemas.ErrorBody.properties).toMatchObject({
      statusCode: { type: 'number' },
      message: { type: 'string' },
      fields: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } },
    });
  });

  it('should give every operation the error body as its default response', () => {
    const missing = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(
          ([, operation]) =>
            operation.responses.default?.content?.['application/json']?.schema?.$ref !==
            '#/components/schemas/ErrorBody',
        )
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    expect(missing).toEqual([]);
  });

  it('should type every limit and offset query parameter as a number', () => {
    const paging = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.values(item).flatMap((operation) =>
        (operation.parameters ?? [])
          .filter((p) => p.in === 'query' && (p.name === 'limit' || p.name === 'offset'))
          .map((p) => ({ path, name: p.name, type: p.schema?.type ?? p.schema?.$ref })),
      ),
    );
    expect(paging.length).toBeGreaterThan(0);
    expect(paging.filter((p) => p.type !== 'number' && p.type !== 'integer')).toEqual([]);
  });
});
