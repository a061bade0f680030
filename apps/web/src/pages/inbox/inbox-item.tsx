import { Button, Card, Space, Tag, Typography } from 'antd';
import type { InboxMessage } from '../../api/types';
import { useT } from '../../i18n/i18n';
import { formatDateTime } from '../../time/format';

interface Props {
  message: InboxMessage;
  onOpen: () => void;
  onRead: () => void;
}

export function InboxItem({ message, onOpen, onRead }: Props) {
  const t = useT();
  const unread = !message.readAt;
  return (
    <li>
      <Card size="small" className={unread ? 'inbox-item inbox-item-unread' : 'inbox-item'}>
        <div className="inbox-item-head">
          <Typography.Text strong={unread}>{message.title}</Typography.Text>
          {unread && <Tag color="blue">{t('inbox.unreadTag')}</Tag>}
        </div>
        <Typography.Paragraph className="inbox-item-body">{message.body}</Typography.Paragraph>
        <div className="inbox-item-foot">
          <Typography.Text type="secondary">
            <time dateTime={message.createdAt}>{formatDateTime(message.createdAt)}</time>
          </Typography.Text>
          <Space>
            {unread && (
              <Button size="small" onClick={onRead}>
                {t('inbox.markRead')}
              </Button>
            )}
            {message.link && (
              <Button size="small" type="primary" onClick={onOpen}>
                {t('inbox.open')}
              </Button>
            )}
          </Space>
        </div>
      </Card>
    </li>
  );
}
