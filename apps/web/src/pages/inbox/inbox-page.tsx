import { Button, Empty, Segmented, Space, Typography } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import type { InboxMessage } from '../../api/types';
import { useAsync } from '../../api/use-async';
import { ErrorResult } from '../../components/error-result';
import { PageLoading } from '../../components/page-loading';
import { useT } from '../../i18n/i18n';
import { useUnreadCount } from '../../notifications/unread-count';
import { useRouter } from '../../router/router';
import { InboxItem } from './inbox-item';

type Filter = 'all' | 'unread';

export function InboxPage() {
  const t = useT();
  const { navigate } = useRouter();
  const { refresh: refreshBell } = useUnreadCount();
  const [filter, setFilter] = useState<Filter>('all');
  const messages = useAsync(
    () => unwrap(api.GET('/api/inbox', { params: { query: { unreadOnly: filter === 'unread', limit: 100 } } })),
    [filter],
  );

  const markRead = async (message: InboxMessage) => {
    if (!message.readAt) {
      await unwrap(api.POST('/api/inbox/{id}/read', { params: { path: { id: message.id } } }));
      refreshBell();
    }
  };
  const open = async (message: InboxMessage) => {
    await markRead(message);
    if (message.link) {
      navigate(message.link);
    } else {
      messages.reload();
    }
  };
  const readAll = async () => {
    await unwrap(api.POST('/api/inbox/read-all'));
    refreshBell();
    messages.reload();
  };

  return (
    <section aria-labelledby="inbox-title">
      <div className="page-heading">
        <Typography.Title level={2} id="inbox-title">
          {t('inbox.title')}
        </Typography.Title>
        <Space wrap>
          <Segmented<Filter>
            aria-label={t('inbox.filter')}
            value={filter}
            onChange={setFilter}
            options={[
              { label: t('inbox.all'), value: 'all' },
              { label: t('inbox.unread'), value: 'unread' },
            ]}
          />
          <Button onClick={() => void readAll()}>{t('inbox.readAll')}</Button>
        </Space>
      </div>
      {messages.error ? (
        <ErrorResult error={messages.error} onRetry={messages.reload} />
      ) : messages.loading && !messages.data ? (
        <PageLoading />
      ) : messages.data?.length ? (
        <ul className="card-list">
          {messages.data.map((message) => (
            <InboxItem
              key={message.id}
              message={message}
              onOpen={() => void open(message)}
              onRead={() => void markRead(message).then(messages.reload)}
            />
          ))}
        </ul>
      ) : (
        <Empty description={t('inbox.empty')} />
      )}
    </section>
  );
}
