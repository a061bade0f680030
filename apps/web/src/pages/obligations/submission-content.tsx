import { PaperClipOutlined } from '@ant-design/icons';
import { Progress, Space, Typography } from 'antd';
import type { ReportIndicator, Submission } from '../../api/types';
import { SubmissionKindTag } from '../../components/reporting-tags';
import { useT } from '../../i18n/i18n';
import { indicatorLabel } from './indicator-fields';

function fileSize(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** What one version of a report said: kind, % complete, text, indicator values, attachments to download. */
export function SubmissionContent({
  submission,
  indicators,
}: {
  submission: Submission;
  indicators: ReportIndicator[];
}) {
  const t = useT();
  const names = new Map(indicators.map((indicator) => [indicator.id, indicator]));
  return (
    <div className="submission-content">
      <Space wrap size={[8, 4]}>
        <SubmissionKindTag kind={submission.kind} />
        {submission.declaresComplete && (
          <Typography.Text type="success">{t('report.declaresComplete')}</Typography.Text>
        )}
      </Space>
      {submission.percentComplete !== null && (
        <div className="submission-percent">
          <Typography.Text type="secondary">{t('report.percent')}</Typography.Text>
          <Progress percent={submission.percentComplete} size="small" aria-label={t('report.percent')} />
        </div>
      )}
      {submission.progressText && (
        <Typography.Paragraph className="submission-text">{submission.progressText}</Typography.Paragraph>
      )}
      {submission.indicatorValues.length > 0 && (
        <ul className="plain-list">
          {submission.indicatorValues.map((value) => {
            const indicator = names.get(value.indicatorId);
            return (
              <li key={value.indicatorId}>
                {indicator
                  ? indicatorLabel(indicator, indicators)
                  : t('report.indicatorNumber', { id: value.indicatorId })}
                ：
                <strong>
                  {value.value}
                  {indicator?.unit ?? ''}
                </strong>
              </li>
            );
          })}
        </ul>
      )}
      {submission.attachments.length > 0 && (
        <ul className="plain-list" aria-label={t('report.files')}>
          {submission.attachments.map((attachment) => (
            <li key={attachment.id}>
              <a href={attachment.url} download={attachment.originalName}>
                <PaperClipOutlined aria-hidden /> {attachment.originalName}
              </a>{' '}
              <Typography.Text type="secondary">（{fileSize(attachment.size)}）</Typography.Text>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
