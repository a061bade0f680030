import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Progress, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { PlanDetail } from '../../api/types';
import { useNow } from '../../clock/server-clock';
import { useT } from '../../i18n/i18n';
import { TIME_ZONE } from '../../time/format';
import { useExportJob } from './use-export-job';

/**
 * 导出: the plan's 任务分工表 and, for a published plan, the 重点工作进展表 of a chosen month. Both run as background
 * jobs with their progress shown, then download; the API decides what the caller may export.
 */
export function PlanExports({ plan }: { plan: PlanDetail }) {
  const t = useT();
  const now = useNow();
  // The month whose reports fall due now is the one the office usually asks for.
  const [period, setPeriod] = useState<Dayjs | null>(() => dayjs(now).tz(TIME_ZONE).subtract(1, 'month'));
  const { job, error, running, start } = useExportJob();
  const published = plan.status === 'published';

  return (
    <section aria-labelledby="plan-exports-title" className="plan-exports">
      <Typography.Title level={3} id="plan-exports-title" className="card-title">
        {t('export.title')}
      </Typography.Title>
      <Space wrap>
        <Button
          icon={<DownloadOutlined aria-hidden />}
          disabled={running}
          onClick={() => start({ kind: 'task_table', planId: plan.id })}
        >
          {t('export.taskTable')}
        </Button>
        {published && (
          <Space.Compact>
            <DatePicker
              picker="month"
              value={period}
              onChange={setPeriod}
              allowClear={false}
              placeholder={t('export.periodPlaceholder')}
              aria-label={t('export.period')}
            />
            <Button
              icon={<DownloadOutlined aria-hidden />}
              disabled={running || !period}
              onClick={() =>
                period && start({ kind: 'progress_table', planId: plan.id, period: period.format('YYYY-MM') })
              }
            >
              {t('export.progressTable')}
            </Button>
          </Space.Compact>
        )}
      </Space>
      {job?.status === 'running' && (
        <div role="status" className="export-progress">
          <Typography.Text type="secondary">
            {t('export.running', { name: job.filename, done: job.done, total: job.total })}
          </Typography.Text>
          <Progress percent={job.percent} size="small" aria-label={job.filename} />
        </div>
      )}
      {job?.status === 'done' && (
        <Alert
          type="success"
          showIcon
          className="form-alert"
          role="status"
          title={t('export.ready', { name: job.filename })}
          description={
            <a href={job.fileUrl} download={job.filename}>
              {t('export.downloadAgain')}
            </a>
          }
        />
      )}
      {(error || job?.status === 'failed') && (
        <Alert
          type="error"
          showIcon
          className="form-alert"
          title={t('export.failed', { reason: error?.message ?? job?.error ?? '' })}
        />
      )}
    </section>
  );
}
