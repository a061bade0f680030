import { Alert, App, Button, DatePicker, Form, Input, Radio } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { showApiErrors } from '../../components/form-errors';
import { useT } from '../../i18n/i18n';

interface CorrectionValues {
  date: Dayjs;
  kind: 'holiday' | 'workday';
  note?: string;
}

/** Adds one day: a holiday the package lacks, or a make-up working day (调休上班), with the notice it comes from. */
export function CorrectionForm({ onAdded }: { onAdded: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<CorrectionValues>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (values: CorrectionValues) => {
    setBusy(true);
    setProblem(null);
    const date = values.date.format('YYYY-MM-DD');
    try {
      await unwrap(
        api.POST('/api/calendar/corrections', {
          body: { date, kind: values.kind, note: values.note?.trim() || undefined },
        }),
      );
      void message.success(t('calendar.added', { date }));
      form.resetFields();
      onAdded();
    } catch (error) {
      setProblem(showApiErrors(form, error, ['date', 'kind', 'note']));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form<CorrectionValues>
      form={form}
      name="correction"
      layout="inline"
      className="table-filters correction-form"
      onFinish={submit}
      initialValues={{ kind: 'holiday' }}
    >
      {problem && <Alert type="error" showIcon className="form-alert" title={problem} />}
      <Form.Item
        label={t('calendar.date')}
        name="date"
        rules={[{ required: true, message: t('calendar.dateRequired') }]}
      >
        <DatePicker />
      </Form.Item>
      <Form.Item label={t('calendar.kind')} name="kind">
        <Radio.Group
          options={[
            { value: 'holiday', label: t('calendar.kind.holiday') },
            { value: 'workday', label: t('calendar.kind.workday') },
          ]}
        />
      </Form.Item>
      <Form.Item label={t('calendar.note')} name="note">
        <Input placeholder={t('calendar.notePlaceholder')} maxLength={200} className="note-input" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy}>
        {t('calendar.add')}
      </Button>
    </Form>
  );
}
