import { Alert, App, DatePicker, Form, Input, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { showApiErrors } from '../../components/form-errors';
import { UnitSelect } from '../../components/unit-select';
import { useT } from '../../i18n/i18n';
import { shanghaiIso } from '../../time/format';

interface OpenCaseValues {
  unitId: number;
  reason: string;
  rectificationDueAt?: Dayjs | null;
}

interface Props {
  open: boolean;
  onClose: () => void;
  onOpened: (id: number) => void;
}

/** 挂牌督办 by hand: the unit, the reason, and (optionally) the rectification deadline; the API numbers it. */
export function OpenCaseModal({ open, onClose, onOpened }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<OpenCaseValues>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (values: OpenCaseValues) => {
    setBusy(true);
    setProblem(null);
    try {
      const opened = await unwrap(
        api.POST('/api/supervision-cases', {
          body: {
            unitId: values.unitId,
            reason: values.reason.trim(),
            rectificationDueAt: values.rectificationDueAt ? shanghaiIso(values.rectificationDueAt) : undefined,
          },
        }),
      );
      void message.success(t('case.opened', { number: opened.number }));
      onOpened(opened.id);
    } catch (error) {
      setProblem(showApiErrors(form, error, ['unitId', 'reason', 'rectificationDueAt']));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('case.open')}
      okText={t('case.openConfirm')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {problem && <Alert type="error" showIcon className="form-alert" title={problem} />}
      <Form<OpenCaseValues> form={form} name="open-case" layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item label={t('case.unit')} name="unitId" rules={[{ required: true, message: t('case.unitRequired') }]}>
          <UnitSelect placeholder={t('case.unitPlaceholder')} />
        </Form.Item>
        <Form.Item
          label={t('case.reason')}
          name="reason"
          rules={[{ required: true, whitespace: true, message: t('case.reasonRequired') }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
        <Form.Item label={t('case.rectificationDueAt')} name="rectificationDueAt" extra={t('case.dueHint')}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
