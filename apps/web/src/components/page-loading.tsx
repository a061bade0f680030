import { Spin } from 'antd';
import { useT } from '../i18n/i18n';

export function PageLoading() {
  const t = useT();
  return (
    <div className="page-loading" role="status">
      <Spin />
      <span>{t('common.loading')}</span>
    </div>
  );
}
