import { Alert, App, Form, Modal, Typography } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { useNow } from '../../clock/server-clock';
import { showApiErrors } from '../../components/form-errors';
import { useT } from '../../i18n/i18n';
import { currentYear, PlanYearFields } from './plan-year-fields';

interface StartValues {
  planId: number;
  year: number;
}

interface Props {
  open: boolean;
  onClose: () => void;
  onStarted: (runId: number) => void;
}

/** 开始考核: one run per plan and year; the API scores it at once with the current scheme. */
export function StartRunModal({ open, onClose, onStarted }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const now = useNow();
  const [form] = Form.useForm<StartValues>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (values: StartValues) => {
    setBusy(true);
    setProblem(null);
    try {
      const started = await unwrap(api.POST('/api/assessment/runs', { body: values }));
      void message.success(
        t('assessment.started', { units: started.computation.units, scored: started.computation.scored }),
      );
      onStarted(started.id);
    } catch (error) {
      setProblem(showApiErrors(form, error, ['planId', 'year']));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('assessment.start')}
      okText={t('assessment.startConfirm')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('assessment.startHint')}</Typography.Paragraph>
      {problem && <Alert type="error" showIcon className="form-alert" title={problem} />}
      <Form<StartValues>
        form={form}
        name="start-run"
        layout="vertical"
        onFinish={submit}
        preserve={false}
        initialValues={{ year: currentYear(now) }}
      >
        <PlanYearFields />
      </Form>
    </Modal>
  );
}
