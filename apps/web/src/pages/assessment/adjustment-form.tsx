import { Alert, App, Button, Card, Form, Input, InputNumber, Typography } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { showApiErrors } from '../../components/form-errors';
import { useT } from '../../i18n/i18n';

interface AdjustmentValues {
  points?: number;
  reason?: string;
}

interface Props {
  resultId: number;
  /** adjust: the draft or released result changes in place; correct: a published result gets a new version. */
  mode: 'adjust' | 'correct';
  onDone: (resultId: number) => void;
}

/** 调整分数 / 更正: points (non-zero, ±100 at most) and the reason, which is mandatory and audited. */
export function AdjustmentForm({ resultId, mode, onDone }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<AdjustmentValues>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const correcting = mode === 'correct';

  const submit = async (values: AdjustmentValues) => {
    setBusy(true);
    setProblem(null);
    const request = {
      params: { path: { id: resultId } },
      body: { points: values.points ?? 0, reason: values.reason?.trim() ?? '' },
    };
    try {
      const result = await unwrap(
        correcting
          ? api.POST('/api/assessment/results/{id}/corrections', request)
          : api.POST('/api/assessment/results/{id}/adjustments', request),
      );
      void message.success(
        correcting
          ? t('assessment.corrected', { version: result.version, total: result.total ?? 0 })
          : t('assessment.adjusted', { total: result.total ?? 0 }),
      );
      form.resetFields();
      onDone(result.id);
    } catch (error) {
      setProblem(showApiErrors(form, error, ['points', 'reason']));
    } finally {
      setBusy(false);
    }
  };

  const name = correcting ? 'correction' : 'adjustment';
  return (
    <Card
      className="page-section"
      title={
        <Typography.Title level={3} className="card-title" id={`${name}-title`}>
          {t(correcting ? 'assessment.correctTitle' : 'assessment.adjustTitle')}
        </Typography.Title>
      }
    >
      <Typography.Paragraph type="secondary">
        {t(correcting ? 'assessment.correctHint' : 'assessment.adjustHint')}
      </Typography.Paragraph>
      {problem && <Alert type="error" showIcon className="form-alert" title={problem} />}
      <Form<AdjustmentValues>
        form={form}
        name={name}
        layout="vertical"
        aria-labelledby={`${name}-title`}
        onFinish={submit}
      >
        <Form.Item
          label={t('assessment.adjustPoints')}
          name="points"
          extra={t('assessment.adjustPointsHint')}
          rules={[{ required: true, message: t('assessment.adjustPointsRequired') }]}
        >
          <InputNumber<number> min={-100} max={100} precision={2} step={0.5} />
        </Form.Item>
        <Form.Item
          label={t('assessment.adjustReason')}
          name="reason"
          rules={[{ required: true, whitespace: true, message: t('assessment.adjustReasonRequired') }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={2000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t(correcting ? 'assessment.submitCorrection' : 'assessment.submitAdjustment')}
        </Button>
      </Form>
    </Card>
  );
}
