import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import request from 'supertest';
import { ACCESS_KEY, AccessRule } from '@app/org';
import { startTestApp, TestApp } from '../factories/test-app';

interface RouteInfo {
  method: string;
  path: string;
  rule: AccessRule | undefined;
}

const METHODS = ['get', 'post', 'put', 'delete', 'patch', 'all', 'options', 'head'];

function listRoutes(t: TestApp): RouteInfo[] {
  const discovery = t.app.get(DiscoveryService);
  const scanner = t.app.get(MetadataScanner);
  const routes: RouteInfo[] = [];
  for (const wrapper of discovery.getControllers()) {
    const instance = wrapper.instance as object | undefined;
    if (!instance) {
      continue;
    }
    const prototype = Object.getPrototypeOf(instance) as Record<string, unknown>;
    const base = String(Reflect.getMetadata(PATH_METADATA, wrapper.metatype as object) ?? '');
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = prototype[name] as object;
      const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
      if (path === undefined) {
        continue;
      }
      const method = METHODS[Reflect.getMetadata(METHOD_METADATA, handler) as number];
      const rule = (Reflect.getMetadata(ACCESS_KEY, handler) ??
        Reflect.getMetadata(ACCESS_KEY, wrapper.metatype as object)) as AccessRule | undefined;
      routes.push({ method, path: `/api/${base}/${path}`.replace(/\/+/g, '/').replace(/\/$/, ''), rule });
    }
  }
  return routes;
}

describe('Route access rules (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  it('should find the routes it checks', () => {
    expect(listRoutes(t).length).toBeGreaterThan(15);
  });

  it('should give every registered route an explicit access decision', () => {
    const open = listRoutes(t).filter((route) => !route.rule);
    expect(open.map((route) => `${route.method.toUpperCase()} ${route.path}`)).toEqual([]);
  });

  it('should answer 401 on every non-public route when nobody is signed in', async () => {
    for (const route of listRoutes(t).filter((r) => r.rule && !r.rule.public)) {
      const path = route.path.replace(/:(\w+)/g, '1');
      const response = await request(t.http)[route.method as 'get'](path);
      expect({ route: `${route.method} ${path}`, status: response.status }).toEqual({
        route: `${route.method} ${path}`,
        status: 401,
      });
    }
  });

  it('should document every route in the OpenAPI document', async () => {
    const doc = await request(t.http).get('/api/docs-json').expect(200);
    const documented = new Set(
      Object.entries(doc.body.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
        Object.keys(ops).map((m) => `${m} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
      ),
    );
    for (const route of listRoutes(t)) {
      expect(documented).toContain(`${route.method} ${route.path}`);
    }
  });

  it('should answer health without signing in', async () => {
    const response = await request(t.http).get('/api/health').expect(200);
    expect(response.body).toMatchObject({ status: 'ok', database: { status: 'up' }, workflowEngine: { status: 'up' } });
  });
});
