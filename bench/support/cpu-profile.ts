import { Session } from 'node:inspector';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time by where the code lives: an npm package, an app folder (libs/x, apps/x), node internals, GC, idle. */
export interface CpuShare {
  where: string;
  share: number;
}

/** Samples this process's CPU (V8's sampling profiler) between start() and stop(). */
export class CpuProfiler {
  private readonly session = new Session();

  async start(): Promise<void> {
    this.session.connect();
    await this.post('Profiler.enable');
    await this.post('Profiler.start');
  }

  /** Stops and returns the top places by self time. */
  async stop(top = 12): Promise<CpuShare[]> {
    const { profile } = (await this.post('Profiler.stop')) as { profile: Profile };
    this.session.disconnect();
    return summarise(profile, top);
  }

  private post(method: string): Promise<unknown> {
    return new Promise((resolve, reject) =>
      this.session.post(method, (error, result) => (error ? reject(error) : resolve(result))),
    );
  }
}

function summarise(profile: Profile, top: number): CpuShare[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfTime = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    const where = placeOf(byId.get(id)!.callFrame);
    selfTime.set(where, (selfTime.get(where) ?? 0) + delta);
    total += delta;
  });
  return [...selfTime]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([where, time]) => ({ where, share: time / total }));
}

function placeOf(frame: ProfileNode['callFrame']): string {
  const { url, functionName } = frame;
  if (!url) {
    // V8's own buckets, and native functions (e.g. better-sqlite3's C++ run under a JS frame named by the caller).
    return `(${functionName.replace(/[()]/g, '') || 'native'})`;
  }
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) {
    return pkg[1];
  }
  if (url.startsWith('node:')) {
    return 'node internals';
  }
  const app = /\/((?:libs|apps|config|bench|test)\/[^/]+)/.exec(url);
  return app ? app[1] : url;
}
