import * as http from 'node:http';
import { AddressInfo } from 'node:net';
import { dbTime } from '@app/core';
import { openBareDb } from './bare-db';

/** The round the floor's rows get: far above any real round, and removed after. */
export const FLOOR_ROUND = 2000;

/**
 * The floor of any HTTP submission endpoint on this machine: node's own `http` server (no Nest, no Express, no
 * TypeORM, no validation, no authentication) that parses the JSON body and writes ONE row with the bare driver
 * (mysql2 pool of `poolSize`, or better-sqlite3), then answers 201. An app that does more per request than this
 * cannot be faster than it here. Run in its own process, as the API is; prints its port on the IPC channel.
 */
export async function serveBareInserts(databaseUrl: string, poolSize: number): Promise<void> {
  const db = openBareDb(databaseUrl, poolSize);
  const sql =
    'INSERT INTO reporting_submission (obligation_id, round, kind, progress_text, percent_complete, ' +
    "declares_complete, submitted_by, submitted_at, late, status) VALUES (?, ?, 'progress', ?, ?, 0, 1, ?, 0, 'pending')";
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const obligationId = Number(/\/api\/obligations\/(\d+)\//.exec(req.url ?? '')?.[1]);
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
        progressText: string;
        percentComplete: number;
      };
      db.run(sql, [obligationId, FLOOR_ROUND, body.progressText, body.percentComplete, dbTime(new Date())]).then(
        () => {
          res.writeHead(201, { 'Content-Type': 'application/json' });
          res.end(JSON.stringify({ obligationId }));
        },
        (error: Error) => {
          res.writeHead(500, { 'Content-Type': 'application/json' });
          res.end(JSON.stringify({ message: error.message }));
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  process.send?.({ port: (server.address() as AddressInfo).port });
  process.once('message', () => {
    server.close();
    void db.close().then(() => process.exit(0));
  });
}
