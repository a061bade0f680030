import { DownloadOutlined, FileExcelOutlined } from '@ant-design/icons';
import { App, Button, Progress, Space } from 'antd';
import { useEffect, useState } from 'react';
import { api, unwrap } from '../../api/client';
import { asApiError } from '../../api/errors';
import { useT } from '../../i18n/i18n';
import type { ExportJob } from './assessment-types';

const POLL_MS = 500;

/**
 * 考核结果汇总表 (.xlsx) as an export job: a run of thousands of units takes a while, so the page shows how far the
 * server got, then a real link to the file (the session cookie authenticates the download).
 */
export function SheetExport({ runId }: { runId: number }) {
  const t = useT();
  const { message } = App.useApp();
  const [job, setJob] = useState<ExportJob>();
  const [starting, setStarting] = useState(false);

  useEffect(() => {
    if (job?.status !== 'running') {
      return;
    }
    const timer = window.setTimeout(() => {
      unwrap(api.GET('/api/exports/jobs/{jobId}', { params: { path: { jobId: job.id } } })).then(setJob, (error) => {
        void message.error(asApiError(error).message);
        setJob(undefined);
      });
    }, POLL_MS);
    return () => window.clearTimeout(timer);
  }, [job, message]);

  useEffect(() => {
    if (job?.status === 'failed') {
      void message.error(t('assessment.exportFailed', { reason: job.error ?? '' }));
    }
  }, [job, message, t]);

  const start = async () => {
    setStarting(true);
    try {
      setJob(await unwrap(api.POST('/api/exports/jobs', { body: { kind: 'assessment_sheet', runId } })));
    } catch (error) {
      void message.error(asApiError(error).message);
    } finally {
      setStarting(false);
    }
  };

  const running = job?.status === 'running';
  return (
    <Space wrap>
      <Button icon={<FileExcelOutlined aria-hidden />} loading={starting || running} onClick={() => void start()}>
        {t('assessment.exportSheet')}
      </Button>
      {running && (
        <Progress
          percent={job.percent}
          size="small"
          style={{ width: 160 }}
          aria-label={t('assessment.exportProgress', { done: job.done, total: job.total })}
          format={() => t('assessment.exportProgress', { done: job.done, total: job.total })}
        />
      )}
      {job?.status === 'done' && (
        <a href={job.fileUrl} download={job.filename}>
          <DownloadOutlined aria-hidden /> {t('assessment.downloadFile', { name: job.filename })}
        </a>
      )}
    </Space>
  );
}
