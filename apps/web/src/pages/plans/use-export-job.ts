import { useCallback, useEffect, useRef, useState } from 'react';
import { api, unwrap } from '../../api/client';
import { asApiError } from '../../api/errors';
import type { ApiError } from '../../api/errors';
import type { components } from '../../api/schema';
import type { ExportJob } from '../../api/types';

export type ExportRequest = components['schemas']['CreateExportJobDto'];

const POLL_MS = 400;

/** Asks the browser to save a same-origin file (the session cookie goes along). */
export function saveFile(url: string, filename: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
}

export interface ExportJobState {
  job: ExportJob | null;
  error: ApiError | null;
  running: boolean;
  start: (request: ExportRequest) => void;
}

/**
 * One background export at a time (POST /api/exports/jobs): polls its progress and saves the file when it is done,
 * so a large table never holds a request open. Polling stops when the page goes away.
 */
export function useExportJob(): ExportJobState {
  const [job, setJob] = useState<ExportJob | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [running, setRunning] = useState(false);
  const timer = useRef<number | undefined>(undefined);
  const alive = useRef(true);

  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
      window.clearTimeout(timer.current);
    };
  }, []);

  const follow = useCallback((current: ExportJob) => {
    if (!alive.current) {
      return;
    }
    setJob(current);
    if (current.status === 'running') {
      timer.current = window.setTimeout(() => {
        unwrap(api.GET('/api/exports/jobs/{jobId}', { params: { path: { jobId: current.id } } })).then(
          follow,
          (reason: unknown) => {
            setError(asApiError(reason));
            setRunning(false);
          },
        );
      }, POLL_MS);
      return;
    }
    setRunning(false);
    if (current.status === 'done') {
      saveFile(current.fileUrl, current.filename);
    }
  }, []);

  const start = useCallback(
    (request: ExportRequest) => {
      window.clearTimeout(timer.current);
      setError(null);
      setJob(null);
      setRunning(true);
      unwrap(api.POST('/api/exports/jobs', { body: request })).then(follow, (reason: unknown) => {
        setError(asApiError(reason));
        setRunning(false);
      });
    },
    [follow],
  );

  return { job, error, running, start };
}
