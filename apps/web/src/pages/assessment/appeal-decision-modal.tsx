import { Alert, App, Form, Input, InputNumber, Modal, Radio, Typography } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { showApiErrors } from '../../components/form-errors';
import { useT } from '../../i18n/i18n';
import type { Appeal } from './assessment-types';

interface DecisionValues {
  decision: 'accept' | 'reject';
  points?: number;
  reason?: string;
}

interface Props {
  appeal: Appeal;
  onClose: () => void;
  onDecided: () => void;
}

/** 处理申诉: accept with a change of the score, or reject; a reason either way (the unit reads it). */
export function AppealDecisionModal({ appeal, onClose, onDecided }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<DecisionValues>();
  const decision = Form.useWatch('decision', form) ?? 'accept';
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (values: DecisionValues) => {
    setBusy(true);
    setProblem(null);
    try {
      await unwrap(
        api.POST('/api/assessment/appeals/{id}/decision', {
          params: { path: { id: appeal.id } },
          body: {
            decision: values.decision,
            points: values.decision === 'accept' ? values.points : undefined,
            reason: values.reason?.trim() ?? '',
          },
        }),
      );
      void message.success(t(values.decision === 'accept' ? 'assessment.appealAccepted' : 'assessment.appealRejected'));
      onDecided();
    } catch (error) {
      setProblem(showApiErrors(form, error, ['decision', 'points', 'reason']));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('assessment.decideTitle', { unit: appeal.unitName })}
      okText={t(decision === 'accept' ? 'assessment.acceptAppeal' : 'assessment.rejectAppeal')}
      okButtonProps={{ danger: decision === 'reject' }}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph className="appeal-text">{appeal.text}</Typography.Paragraph>
      {problem && <Alert type="error" showIcon className="form-alert" title={problem} />}
      <Form<DecisionValues>
        form={form}
        name="appeal-decision"
        layout="vertical"
        onFinish={submit}
        initialValues={{ decision: 'accept' }}
      >
        <Form.Item label={t('assessment.decision')} name="decision">
          <Radio.Group
            options={[
              { value: 'accept', label: t('assessment.decision.accept') },
              { value: 'reject', label: t('assessment.decision.reject') },
            ]}
          />
        </Form.Item>
        {decision === 'accept' && (
          <Form.Item
            label={t('assessment.adjustPoints')}
            name="points"
            extra={t('assessment.adjustPointsHint')}
            rules={[{ required: true, message: t('assessment.adjustPointsRequired') }]}
          >
            <InputNumber<number> min={-100} max={100} precision={2} step={0.5} />
          </Form.Item>
        )}
        <Form.Item
          label={t('assessment.decisionReason')}
          name="reason"
          rules={[{ required: true, whitespace: true, message: t('assessment.decisionReasonRequired') }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
