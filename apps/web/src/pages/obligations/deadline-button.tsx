import { CalendarOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Form, Input, Modal, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import type { ObligationDetail } from '../../api/types';
import { showApiErrors } from '../../components/form-errors';
import { DEADLINE_PICKER, futureDateRule } from '../../components/future-date-rule';
import { useServerClock } from '../../clock/server-clock';
import { useT } from '../../i18n/i18n';
import { formatDateTime, shanghaiIso, shanghaiWallClock } from '../../time/format';

interface DeadlineValues {
  dueAt: Dayjs;
  reason: string;
}

const MAX_REASON = 500;

/**
 * 调整截止时间: the office moves a waiting report's deadline, with a reason on record; reminders and warnings
 * follow the new date, what was already issued stays.
 */
export function DeadlineButton({ detail, onChanged }: { detail: ObligationDetail; onChanged: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const { now } = useServerClock();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<DeadlineValues>();

  const submit = async (values: DeadlineValues) => {
    setBusy(true);
    try {
      const receipt = await unwrap(
        api.POST('/api/obligations/{id}/deadline', {
          params: { path: { id: detail.id } },
          body: { dueAt: shanghaiIso(values.dueAt), reason: values.reason.trim() },
        }),
      );
      void message.success(t('deadline.done', { unit: detail.unitName, time: formatDateTime(receipt.dueAt) }));
      setOpen(false);
      onChanged();
    } catch (error) {
      showApiErrors(form, error, ['dueAt', 'reason'], 'reason');
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button icon={<CalendarOutlined aria-hidden />} onClick={() => setOpen(true)}>
        {t('deadline.button')}
      </Button>
      <Modal
        open={open}
        title={t('deadline.title', { unit: detail.unitName, period: detail.periodLabel })}
        okText={t('deadline.confirm')}
        cancelText={t('common.cancel')}
        confirmLoading={busy}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">
          {t('deadline.current', { time: formatDateTime(detail.dueAt) })}
        </Typography.Paragraph>
        <Form<DeadlineValues>
          form={form}
          name="deadline"
          layout="vertical"
          onFinish={submit}
          preserve={false}
          initialValues={{ dueAt: shanghaiWallClock(detail.dueAt) }}
        >
          <Form.Item
            label={t('deadline.newDueAt')}
            name="dueAt"
            extra={t('deadline.hint')}
            rules={[
              { required: true, message: t('deadline.dueAtRequired') },
              futureDateRule(now, t('deadline.future')),
            ]}
          >
            <DatePicker {...DEADLINE_PICKER} />
          </Form.Item>
          <Form.Item
            label={t('deadline.reason')}
            name="reason"
            rules={[{ required: true, whitespace: true, message: t('deadline.reasonRequired') }]}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={MAX_REASON} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
