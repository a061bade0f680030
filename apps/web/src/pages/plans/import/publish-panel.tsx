import { SendOutlined } from '@ant-design/icons';
import { Alert, Button, Popconfirm, Typography } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../../api/client';
import { asApiError } from '../../../api/errors';
import type { ApiError } from '../../../api/errors';
import type { PublishResult } from '../../../api/types';
import { useT } from '../../../i18n/i18n';

interface Props {
  planId: number;
  onPublished: (result: PublishResult) => void;
}

/** Publishes the draft; when the API refuses, every problem it lists is shown, not just the first. */
export function PublishPanel({ planId, onPublished }: Props) {
  const t = useT();
  const [publishing, setPublishing] = useState(false);
  const [refusal, setRefusal] = useState<ApiError | null>(null);

  const publish = async () => {
    setPublishing(true);
    setRefusal(null);
    try {
      onPublished(await unwrap(api.POST('/api/plans/{id}/publish', { params: { path: { id: planId } } })));
    } catch (error) {
      setRefusal(asApiError(error));
    } finally {
      setPublishing(false);
    }
  };

  const problems = refusal ? Object.values(refusal.fields).flat() : [];
  return (
    <section aria-labelledby="publish-title" className="publish-panel">
      <Typography.Title level={3} id="publish-title">
        {t('publish.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('publish.hint')}</Typography.Paragraph>
      {refusal && (
        <Alert
          type="error"
          showIcon
          role="alert"
          className="form-alert publish-problems"
          title={t('publish.refused', { count: problems.length || 1 })}
          description={
            problems.length ? (
              <ol>
                {problems.map((problem) => (
                  <li key={problem}>{problem}</li>
                ))}
              </ol>
            ) : (
              refusal.message
            )
          }
        />
      )}
      <Popconfirm
        title={t('publish.confirm')}
        okText={t('publish.submit')}
        cancelText={t('common.cancel')}
        onConfirm={() => void publish()}
      >
        <Button type="primary" icon={<SendOutlined />} loading={publishing}>
          {t('publish.submit')}
        </Button>
      </Popconfirm>
    </section>
  );
}
