import { App, Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import type { ObligationDetail } from '../../api/types';
import { showApiErrors } from '../../components/form-errors';
import { useT } from '../../i18n/i18n';

/** 免报: the office releases a unit from this period's report, with a reason on record. */
export function WaiveButton({ detail, onWaived }: { detail: ObligationDetail; onWaived: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ comment: string }>();

  const submit = async ({ comment }: { comment: string }) => {
    setBusy(true);
    try {
      await unwrap(
        api.POST('/api/obligations/{id}/waive', {
          params: { path: { id: detail.id } },
          body: { comment: comment.trim() },
        }),
      );
      void message.success(t('waive.done', { unit: detail.unitName }));
      setOpen(false);
      onWaived();
    } catch (error) {
      showApiErrors(form, error, ['comment'], 'comment');
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('waive.button')}</Button>
      <Modal
        open={open}
        title={t('waive.title', { unit: detail.unitName, period: detail.periodLabel })}
        okText={t('waive.confirm')}
        cancelText={t('common.cancel')}
        confirmLoading={busy}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Form form={form} name="waive" layout="vertical" onFinish={submit} preserve={false}>
          <Form.Item
            label={t('waive.reason')}
            name="comment"
            rules={[{ required: true, whitespace: true, message: t('waive.reasonRequired') }]}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
