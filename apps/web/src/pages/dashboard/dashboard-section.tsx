import { Typography } from 'antd';
import type { ReactNode } from 'react';
import type { ApiError } from '../../api/errors';
import { ErrorResult } from '../../components/error-result';

/** One block of the dashboard: a level-3 heading that names the region, and the API's error in place of content. */
export function DashboardSection({
  id,
  title,
  extra,
  error,
  onRetry,
  children,
}: {
  id: string;
  title: string;
  extra?: ReactNode;
  error?: ApiError;
  onRetry?: () => void;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-title`} className="page-section dashboard-section">
      <div className="page-heading">
        <Typography.Title level={3} id={`${id}-title`}>
          {title}
        </Typography.Title>
        {extra}
      </div>
      {error ? <ErrorResult error={error} onRetry={onRetry} /> : children}
    </section>
  );
}
