/**
 * Builds the workflow bundle the worker loads in production (`dist/workflow-bundle.js`): the workflows compiled
 * for Temporal's sandbox once, at build time, instead of at every worker start.
 *
 *   npx ts-node --transpile-only scripts/bundle-workflows.ts
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DefaultLogger } from '@temporalio/worker';
import { bundleWorkflows, resolveFromRoot, WORKFLOW_BUNDLE_FILE } from '../apps/worker/src/workflow-bundle';

async function main(): Promise<void> {
  const started = performance.now();
  const { code } = await bundleWorkflows({ logger: new DefaultLogger('WARN') });
  const file = resolveFromRoot(WORKFLOW_BUNDLE_FILE);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, code);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(`workflow bundle: ${file} (${(code.length / 1e6).toFixed(2)} MB, ${seconds} s)\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
