import { StopOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import type { Task } from '../../api/types';
import { showApiErrors } from '../../components/form-errors';
import { useT } from '../../i18n/i18n';

const MAX_REASON = 500;

/**
 * 撤销任务: the office withdraws a task of a published plan, with a reason on record. Its reports still awaited or
 * under review are cancelled with it and their reminders and warnings stop; the modal says so before confirming.
 */
export function CancelTaskButton({
  planId,
  task,
  onCancelled,
}: {
  planId: number;
  task: Task;
  onCancelled: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();

  const submit = async ({ reason }: { reason: string }) => {
    setBusy(true);
    try {
      const receipt = await unwrap(
        api.POST('/api/plans/{id}/tasks/{taskId}/cancel', {
          params: { path: { id: planId, taskId: task.id } },
          body: { reason: reason.trim() },
        }),
      );
      void message.success(t('taskCancel.done', { ref: task.ref, count: receipt.cancelledObligationIds.length }));
      setOpen(false);
      onCancelled();
    } catch (error) {
      showApiErrors(form, error, ['reason'], 'reason');
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button size="small" danger icon={<StopOutlined aria-hidden />} onClick={() => setOpen(true)}>
        {t('taskCancel.button')}
      </Button>
      <Modal
        open={open}
        title={t('taskCancel.title', { ref: task.ref })}
        okText={t('taskCancel.confirm')}
        okButtonProps={{ danger: true }}
        cancelText={t('common.cancel')}
        confirmLoading={busy}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Alert type="warning" showIcon className="form-alert" title={t('taskCancel.warning', { title: task.title })} />
        <Form form={form} name="cancel-task" layout="vertical" onFinish={submit} preserve={false}>
          <Form.Item
            label={t('taskCancel.reason')}
            name="reason"
            rules={[{ required: true, whitespace: true, message: t('taskCancel.reasonRequired') }]}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={MAX_REASON} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
