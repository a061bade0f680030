import { CheckOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Select, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import type { CaseDetail } from '../../api/types';
import { asApiError } from '../../api/errors';
import { showApiErrors } from '../../components/form-errors';
import { useT } from '../../i18n/i18n';

const MAX_TEXT = 5000;

interface Props {
  detail: CaseDetail;
  onChanged: () => void;
}

/** What the unit does with a case: 签收, then report rectification (any number of times) and ask for closure. */
export function CaseUnitActions({ detail, onChanged }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);

  if (detail.status === 'open') {
    const acknowledge = async () => {
      setBusy(true);
      try {
        await unwrap(api.POST('/api/supervision-cases/{id}/acknowledge', { params: { path: { id: detail.id } } }));
        void message.success(t('case.acknowledged', { number: detail.number }));
        onChanged();
      } catch (error) {
        void message.error(asApiError(error).message);
      } finally {
        setBusy(false);
      }
    };
    return (
      <Card className="page-section">
        <Typography.Paragraph>{t('case.acknowledgeHint')}</Typography.Paragraph>
        <Button type="primary" icon={<CheckOutlined aria-hidden />} loading={busy} onClick={() => void acknowledge()}>
          {t('case.acknowledge')}
        </Button>
      </Card>
    );
  }
  if (detail.status !== 'acknowledged' && detail.status !== 'rectifying') {
    return null;
  }
  return (
    <Card className="page-section">
      <Tabs
        items={[
          {
            key: 'rectification',
            label: t('case.rectificationTab'),
            children: <RectificationForm detail={detail} onChanged={onChanged} />,
          },
          {
            key: 'closure',
            label: t('case.closureTab'),
            children: <ClosureForm detail={detail} onChanged={onChanged} />,
          },
        ]}
      />
    </Card>
  );
}

interface RectificationValues {
  text: string;
  attachments?: string[];
}

function RectificationForm({ detail, onChanged }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<RectificationValues>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (values: RectificationValues) => {
    setBusy(true);
    setProblem(null);
    try {
      await unwrap(
        api.POST('/api/supervision-cases/{id}/rectification-reports', {
          params: { path: { id: detail.id } },
          body: { text: values.text.trim(), attachments: values.attachments?.length ? values.attachments : undefined },
        }),
      );
      void message.success(t('case.rectificationSent'));
      form.resetFields();
      onChanged();
    } catch (error) {
      setProblem(showApiErrors(form, error, ['text', 'attachments']));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form<RectificationValues> form={form} name="rectification" layout="vertical" onFinish={submit}>
      {problem && <Alert type="error" showIcon className="form-alert" title={problem} />}
      <Form.Item
        label={t('case.rectificationText')}
        name="text"
        rules={[
          { required: true, whitespace: true, message: t('case.rectificationRequired') },
          { max: MAX_TEXT, message: t('report.textTooLong', { max: MAX_TEXT }) },
        ]}
      >
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} maxLength={MAX_TEXT} showCount />
      </Form.Item>
      <Form.Item label={t('case.attachmentRefs')} name="attachments" extra={t('case.attachmentRefsHint')}>
        <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={['，', ',']} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy}>
        {t('case.sendRectification')}
      </Button>
    </Form>
  );
}

interface ClosureValues {
  summary: string;
  evidence: string[];
}

function ClosureForm({ detail, onChanged }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<ClosureValues>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (values: ClosureValues) => {
    setBusy(true);
    setProblem(null);
    try {
      await unwrap(
        api.POST('/api/supervision-cases/{id}/closure-request', {
          params: { path: { id: detail.id } },
          body: { summary: values.summary.trim(), evidence: values.evidence },
        }),
      );
      void message.success(t('case.closureSent'));
      onChanged();
    } catch (error) {
      setProblem(showApiErrors(form, error, ['summary', 'evidence']));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form<ClosureValues> form={form} name="closure" layout="vertical" onFinish={submit}>
      <Typography.Paragraph type="secondary">{t('case.closureHint')}</Typography.Paragraph>
      {problem && <Alert type="error" showIcon className="form-alert" title={problem} />}
      <Form.Item
        label={t('case.closureSummary')}
        name="summary"
        rules={[
          { required: true, whitespace: true, message: t('case.closureSummaryRequired') },
          { max: MAX_TEXT, message: t('report.textTooLong', { max: MAX_TEXT }) },
        ]}
      >
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} maxLength={MAX_TEXT} showCount />
      </Form.Item>
      <Form.Item
        label={t('case.evidence')}
        name="evidence"
        extra={t('case.attachmentRefsHint')}
        rules={[{ required: true, type: 'array', min: 1, message: t('case.evidenceRequired') }]}
      >
        <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={['，', ',']} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy}>
        {t('case.requestClosure')}
      </Button>
    </Form>
  );
}
