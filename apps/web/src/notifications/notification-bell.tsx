import { BellOutlined } from '@ant-design/icons';
import { Badge } from 'antd';
import { useT } from '../i18n/i18n';
import { Link } from '../router/router';
import { useUnreadCount } from './unread-count';

export function NotificationBell() {
  const t = useT();
  const { unread } = useUnreadCount();
  return (
    <Link to="/inbox" className="header-icon-link" aria-label={t('bell.label', { count: unread })}>
      <Badge count={unread} size="small" overflowCount={99}>
        <BellOutlined style={{ fontSize: 20 }} aria-hidden />
      </Badge>
    </Link>
  );
}
