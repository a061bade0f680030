import { Alert, App, Button, Card, Form, Input, Select, Typography } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { useNow } from '../../clock/server-clock';
import { DueCountdown } from '../../components/due-countdown';
import { showApiErrors } from '../../components/form-errors';
import { useT } from '../../i18n/i18n';
import type { ResultDetail } from './assessment-types';

const MAX_TEXT = 5000;

interface AppealValues {
  text?: string;
  attachments?: string[];
}

/**
 * 申诉 by the unit while the draft is on display: the reason and references to the evidence, before the deadline.
 * After the deadline the API refuses and says when it ended; one appeal waits for the office at a time.
 */
export function AppealSection({ detail, onFiled }: { detail: ResultDetail; onFiled: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const now = useNow();
  const [form] = Form.useForm<AppealValues>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const deadline = detail.run.appealDeadline;
  const closed = deadline !== null && Date.parse(deadline) < now.getTime();
  const pending = detail.appeals.some((appeal) => appeal.status === 'pending');

  const submit = async (values: AppealValues) => {
    setBusy(true);
    setProblem(null);
    try {
      await unwrap(
        api.POST('/api/assessment/results/{id}/appeals', {
          params: { path: { id: detail.id } },
          body: { text: values.text?.trim() ?? '', attachments: values.attachments ?? [] },
        }),
      );
      void message.success(t('assessment.appealFiled'));
      form.resetFields();
      onFiled();
    } catch (error) {
      setProblem(showApiErrors(form, error, ['text', 'attachments']));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      className="page-section"
      title={
        <Typography.Title level={3} className="card-title" id="appeal-title">
          {t('assessment.appealTitle')}
        </Typography.Title>
      }
    >
      <Typography.Paragraph>
        {t('assessment.appealDeadlineLabel')} {deadline ? <DueCountdown dueAt={deadline} prefix="" /> : '—'}
      </Typography.Paragraph>
      {closed && <Alert type="warning" showIcon className="form-alert" title={t('assessment.appealWindowClosed')} />}
      {pending ? (
        <Alert type="info" showIcon title={t('assessment.appealPending')} />
      ) : (
        <>
          {problem && <Alert type="error" showIcon className="form-alert" title={problem} />}
          <Form<AppealValues>
            form={form}
            name="appeal"
            layout="vertical"
            aria-labelledby="appeal-title"
            onFinish={submit}
          >
            <Form.Item
              label={t('assessment.appealText')}
              name="text"
              rules={[
                { required: true, whitespace: true, message: t('assessment.appealTextRequired') },
                { max: MAX_TEXT, message: t('report.textTooLong', { max: MAX_TEXT }) },
              ]}
            >
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} maxLength={MAX_TEXT} />
            </Form.Item>
            <Form.Item label={t('assessment.appealEvidence')} name="attachments" extra={t('case.attachmentRefsHint')}>
              <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={['，', ',']} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy}>
              {t('assessment.fileAppeal')}
            </Button>
          </Form>
        </>
      )}
    </Card>
  );
}
