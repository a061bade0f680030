import { Alert, App, Button, Card, Form, Input, Radio, Typography } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import type { CaseDetail } from '../../api/types';
import { showApiErrors } from '../../components/form-errors';
import { useT } from '../../i18n/i18n';

interface VerificationValues {
  decision: 'accept' | 'reject';
  reason?: string;
}

/** 核查: the supervisor closes the case (销号) or sends it back to rectification, with the reason required. */
export function VerificationForm({ detail, onChanged }: { detail: CaseDetail; onChanged: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<VerificationValues>();
  const decision = Form.useWatch('decision', form);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (values: VerificationValues) => {
    setBusy(true);
    setProblem(null);
    const reason = values.reason?.trim();
    try {
      await unwrap(
        api.POST('/api/supervision-cases/{id}/verification', {
          params: { path: { id: detail.id } },
          body: { decision: values.decision, reason: reason || undefined },
        }),
      );
      void message.success(t(values.decision === 'accept' ? 'case.verifiedClosed' : 'case.verifiedRejected'));
      onChanged();
    } catch (error) {
      setProblem(showApiErrors(form, error, ['decision', 'reason']));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      className="page-section"
      title={
        <Typography.Title level={3} className="card-title" id="verify-title">
          {t('case.verifyTitle')}
        </Typography.Title>
      }
    >
      {problem && <Alert type="error" showIcon className="form-alert" title={problem} />}
      <Form<VerificationValues>
        form={form}
        name="verification"
        layout="vertical"
        aria-labelledby="verify-title"
        onFinish={submit}
        initialValues={{ decision: 'accept' }}
      >
        <Form.Item label={t('case.verifyDecision')} name="decision">
          <Radio.Group
            options={[
              { value: 'accept', label: t('case.verifyAccept') },
              { value: 'reject', label: t('case.verifyReject') },
            ]}
          />
        </Form.Item>
        <Form.Item
          label={t(decision === 'reject' ? 'case.rejectReason' : 'case.verifyComment')}
          name="reason"
          rules={[
            { required: decision === 'reject', whitespace: true, message: t('case.rejectReasonRequired') },
            { max: 2000, message: t('report.textTooLong', { max: 2000 }) },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={2000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" danger={decision === 'reject'} loading={busy}>
          {t(decision === 'reject' ? 'case.submitReject' : 'case.submitAccept')}
        </Button>
      </Form>
    </Card>
  );
}
