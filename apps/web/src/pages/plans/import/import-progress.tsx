import { Progress, Typography } from 'antd';
import type { UploadPhase } from '../../../api/upload';
import { useT } from '../../../i18n/i18n';

/** Upload progress, then an active bar while the server parses the plan. Announced to screen readers. */
export function ImportProgress({ phase, percent }: { phase: UploadPhase; percent: number }) {
  const t = useT();
  const label = phase === 'uploading' ? t('import.uploading', { percent }) : t('import.parsing');
  return (
    <div className="import-progress" role="status" aria-live="polite">
      <Typography.Text>{label}</Typography.Text>
      <Progress
        percent={phase === 'uploading' ? percent : 100}
        status="active"
        showInfo={phase === 'uploading'}
        aria-label={label}
      />
    </div>
  );
}
