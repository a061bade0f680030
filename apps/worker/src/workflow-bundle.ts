import * as path from 'node:path';
import { bundleWorkflowCode, type BundleOptions, type WorkflowBundle } from '@temporalio/worker';

/**
 * Where the workflow sources and the prebuilt bundle live, relative to the repository root (the working directory
 * of `npm` scripts, the worker and Jest). Paths are not derived from `__dirname`: the worker itself is bundled
 * by webpack for production, where `__dirname` no longer points into the sources.
 */
export const WORKFLOWS_SOURCE = 'libs/workflows/src/temporal/workflows.ts';
export const WORKFLOW_BUNDLE_FILE = 'dist/workflow-bundle.js';

export function resolveFromRoot(relative: string, root: string = process.cwd()): string {
  return path.resolve(root, relative);
}

/** Bundles the workflows for the sandbox (about a second); tests add their interceptor modules. */
export async function bundleWorkflows(options: Omit<BundleOptions, 'workflowsPath'> = {}): Promise<WorkflowBundle> {
  return bundleWorkflowCode({ workflowsPath: resolveFromRoot(WORKFLOWS_SOURCE), ...options });
}
