import { Button, Result } from 'antd';
import type { ApiError } from '../api/errors';
import { useT } from '../i18n/i18n';
import { Link } from '../router/router';

/** A page that could not be shown: 无权访问 for a refusal, 未找到 for a missing record, otherwise the API's reason. */
export function ErrorResult({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const t = useT();
  if (error.status === 403) {
    return <Forbidden reason={error.message} />;
  }
  if (error.status === 404) {
    return <Result status="404" title={t('error.notFound')} subTitle={error.message} extra={<HomeLink />} />;
  }
  const title = error.status === 0 ? t('error.network') : t('error.failed');
  return (
    <Result
      status="error"
      title={title}
      subTitle={error.message}
      extra={onRetry ? <Button onClick={onRetry}>{t('common.retry')}</Button> : <HomeLink />}
    />
  );
}

export function Forbidden({ reason }: { reason?: string }) {
  const t = useT();
  return (
    <Result
      status="403"
      title={t('error.forbidden')}
      subTitle={reason ?? t('error.forbiddenHint')}
      extra={<HomeLink />}
    />
  );
}

function HomeLink() {
  const t = useT();
  return <Link to="/">{t('common.backHome')}</Link>;
}
