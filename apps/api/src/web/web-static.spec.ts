import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import express from 'express';
import request from 'supertest';
import { webStaticHandler } from './web-static';

function appServing(root: string): express.Express {
  const app = express();
  app.get('/api/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.use(webStaticHandler(root));
  app.use((_req, res) => {
    res.status(404).json({ statusCode: 404 });
  });
  return app;
}

describe(webStaticHandler.name, () => {
  let root: string;

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'web-static-'));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  describe('with a built app', () => {
    beforeEach(() => {
      fs.mkdirSync(path.join(root, 'assets'));
      fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><div id="root"></div>');
      fs.writeFileSync(path.join(root, 'assets', 'index-abc.js'), 'console.log(1)');
    });

    it('should serve the app shell for / and for a client-side route', async () => {
      for (const url of ['/', '/plans/12', '/assignments?planId=3']) {
        const response = await request(appServing(root)).get(url).expect(200);
        expect(response.text).toContain('id="root"');
        expect(response.headers['cache-control']).toBe('no-cache');
      }
    });

    it('should serve hashed assets with a long cache', async () => {
      const response = await request(appServing(root)).get('/assets/index-abc.js').expect(200);
      expect(response.headers['cache-control']).toContain('immutable');
    });

    it('should leave API paths, missing files and non-GET requests to the next handler', async () => {
      await request(appServing(root)).get('/api/health').expect(200, { status: 'ok' });
      await request(appServing(root)).get('/api/nope').expect(404, { statusCode: 404 });
      await request(appServing(root)).get('/assets/missing.js').expect(404);
      await request(appServing(root)).post('/plans').expect(404);
    });
  });

  describe('without a build', () => {
    it('should say in Chinese how to build the web app', async () => {
      const response = await request(appServing(root)).get('/').expect(503);
      expect(response.text).toContain('npm run build:web');
    });
  });
});
