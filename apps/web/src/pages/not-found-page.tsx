import { Result } from 'antd';
import { useT } from '../i18n/i18n';
import { Link } from '../router/router';

export function NotFoundPage() {
  const t = useT();
  return <Result status="404" title={t('error.pageNotFound')} extra={<Link to="/">{t('common.backHome')}</Link>} />;
}
