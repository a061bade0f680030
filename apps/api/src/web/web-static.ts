import * as fs from 'node:fs';
import * as path from 'node:path';
import { static as serveStatic } from 'express';
import type { RequestHandler } from 'express';

/** Where `npm run build:web` puts the web app; the API is started from the repository root. */
export const WEB_ROOT = path.resolve(process.cwd(), 'dist/web');

const NOT_BUILT_PAGE = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>网页界面尚未构建</title>
<body style="font-family:sans-serif;max-width:40em;margin:4em auto"><h1>网页界面尚未构建</h1>
<p>请在项目目录运行 <code>npm run build:web</code>（或 <code>npm run build</code>）后刷新本页。</p>
<p>接口文档：<a href="/api/docs">/api/docs</a></p></body></html>`;

function isApiPath(urlPath: string): boolean {
  return urlPath === '/api' || urlPath.startsWith('/api/');
}

/** A path whose last segment has an extension names a file; a missing file is a 404, never the app shell. */
function looksLikeFile(urlPath: string): boolean {
  return /\.[a-z0-9]+$/i.test(urlPath.slice(urlPath.lastIndexOf('/') + 1));
}

/**
 * Serves the built web app: hashed assets with a long cache, and `index.html` for every other GET that is not an
 * API call, so client-side routes (`/plans/12`) survive a reload.
 */
export function webStaticHandler(root: string = WEB_ROOT): RequestHandler {
  const assets = serveStatic(root, {
    index: false,
    fallthrough: true,
    setHeaders: (res, filePath) => {
      const hashed = filePath.includes(`${path.sep}assets${path.sep}`);
      res.setHeader('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const indexFile = path.join(root, 'index.html');
  const shell: RequestHandler = (req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isApiPath(req.path) || looksLikeFile(req.path)) {
      next();
      return;
    }
    if (!fs.existsSync(indexFile)) {
      res.status(503).type('html').send(NOT_BUILT_PAGE);
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(indexFile);
  };
  return (req, res, next) => {
    if (isApiPath(req.path)) {
      next();
      return;
    }
    assets(req, res, () => shell(req, res, next));
  };
}
