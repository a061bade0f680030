/**
 * Tries the Temporal mode on one machine: a local Temporal dev server (`@temporalio/testing`, which downloads the
 * Temporal CLI on first use), then the worker and the API with `WORKFLOW_ENGINE=temporal` pointed at it.
 *
 *   npm run dev:temporal                       # downloads the Temporal CLI (needs internet once)
 *   TEMPORAL_CLI_PATH=/usr/local/bin/temporal npm run dev:temporal   # a CLI already on disk
 *
 * Ctrl-C stops the API, the worker and the server.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { TestWorkflowEnvironment } from '@temporalio/testing';

/** The download can hang behind a proxy that drops packets; give up with a clear message instead. */
const START_TIMEOUT_MS = 120_000;
const NAMESPACE = 'default';

async function main(): Promise<void> {
  const env = await startServer();
  const address = env.connection.options.address;
  process.stdout.write(
    `Temporal dev server at ${address} (namespace ${NAMESPACE}, web UI when the CLI provides one)\n`,
  );
  const childEnv = {
    ...process.env,
    WORKFLOW_ENGINE: 'temporal',
    TEMPORAL_ADDRESS: address,
    TEMPORAL_NAMESPACE: NAMESPACE,
  };
  const children = [run('worker', 'apps/worker/src/main.ts', childEnv), run('api', 'apps/api/src/main.ts', childEnv)];
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) {
      return;
    }
    stopping = true;
    for (const child of children) {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
      }
    }
    await Promise.all(children.map((child) => (child.exitCode === null ? once(child) : Promise.resolve())));
    await env.teardown();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  for (const child of children) {
    child.on('exit', (code) => {
      if (!stopping) {
        process.stderr.write(`dev:temporal: ${child.spawnfile} exited (${code ?? 'signal'}); stopping everything\n`);
        void stop(code ?? 1);
      }
    });
  }
}

async function startServer(): Promise<TestWorkflowEnvironment> {
  const cliPath = process.env.TEMPORAL_CLI_PATH;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no server after ${START_TIMEOUT_MS / 1000} s`)), START_TIMEOUT_MS);
  });
  try {
    return await Promise.race([
      TestWorkflowEnvironment.createLocal({
        server: {
          namespace: NAMESPACE,
          ...(cliPath ? { executable: { type: 'existing-path' as const, path: cliPath } } : {}),
        },
      }),
      timeout,
    ]);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    fail(
      [
        `could not start a local Temporal dev server: ${reason}`,
        cliPath
          ? `  TEMPORAL_CLI_PATH=${cliPath}: check that this is the Temporal CLI ("temporal --version").`
          : '  The Temporal CLI is downloaded on first use and needs internet access. Without it, either install the CLI\n' +
            '  (https://docs.temporal.io/cli) and run TEMPORAL_CLI_PATH=$(which temporal) npm run dev:temporal,',
        '  or use a running server: WORKFLOW_ENGINE=temporal TEMPORAL_ADDRESS=host:7233 npm run start:worker (and the API).',
        '  The embedded engine (the default, WORKFLOW_ENGINE=embedded) needs no server at all.',
      ].join('\n'),
    );
  } finally {
    clearTimeout(timer);
  }
}

function run(name: string, entry: string, env: NodeJS.ProcessEnv): ChildProcess {
  process.stdout.write(`starting the ${name} (${entry})\n`);
  return spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', entry], {
    env,
    stdio: 'inherit',
  });
}

function once(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

function fail(message: string): never {
  process.stderr.write(`dev:temporal: ${message}\n`);
  process.exit(1);
}

main().catch((error: unknown) => {
  process.stderr.write(`dev:temporal: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
