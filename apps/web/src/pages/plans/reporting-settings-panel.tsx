import { Alert, App, Button, Descriptions, Form, InputNumber, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, unwrap } from '../../api/client';
import type { ReportingSettings } from '../../api/types';
import { useAsync } from '../../api/use-async';
import { ErrorResult } from '../../components/error-result';
import { showApiErrors } from '../../components/form-errors';
import { PageLoading } from '../../components/page-loading';
import { useT } from '../../i18n/i18n';

type SettingsValues = Omit<ReportingSettings, 'planId'>;

const FIELDS = ['leadDueDay', 'participantDueDay', 'returnWorkingDays'] as const;

/** 报送规则: the day of the month reports are due, and how long a returned report has; the office edits it. */
export function ReportingSettingsPanel({ planId, editable }: { planId: number; editable: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<SettingsValues>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const settings = useAsync(
    () => unwrap(api.GET('/api/plans/{id}/reporting-settings', { params: { path: { id: planId } } })),
    [planId],
  );

  useEffect(() => {
    if (settings.data) {
      form.setFieldsValue(settings.data);
    }
  }, [form, settings.data]);

  if (settings.error) {
    return <ErrorResult error={settings.error} onRetry={settings.reload} />;
  }
  if (!settings.data) {
    return <PageLoading />;
  }
  if (!editable) {
    return (
      <Descriptions
        column={1}
        items={FIELDS.map((field) => ({
          key: field,
          label: t(`settings.${field}`),
          children: t(`settings.${field}.value`, { value: settings.data?.[field] ?? '—' }),
        }))}
      />
    );
  }

  const save = async (values: SettingsValues) => {
    setSaving(true);
    setProblem(null);
    try {
      await unwrap(api.PUT('/api/plans/{id}/reporting-settings', { params: { path: { id: planId } }, body: values }));
      void message.success(t('settings.saved'));
      settings.reload();
    } catch (error) {
      setProblem(showApiErrors(form, error, [...FIELDS]));
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="narrow-card">
      <Typography.Paragraph type="secondary">{t('settings.hint')}</Typography.Paragraph>
      {problem && <Alert type="error" showIcon className="form-alert" title={problem} />}
      <Form<SettingsValues> form={form} name="reporting-settings" layout="vertical" onFinish={save}>
        {FIELDS.map((field) => (
          <Form.Item
            key={field}
            label={t(`settings.${field}`)}
            name={field}
            extra={t(`settings.${field}.hint`)}
            rules={[
              { required: true, message: t('common.required') },
              {
                type: 'integer',
                min: 1,
                max: field === 'returnWorkingDays' ? 30 : 31,
                message: t('settings.range', { max: field === 'returnWorkingDays' ? 30 : 31 }),
              },
            ]}
          >
            <InputNumber min={1} max={field === 'returnWorkingDays' ? 30 : 31} precision={0} />
          </Form.Item>
        ))}
        <Button type="primary" htmlType="submit" loading={saving}>
          {t('common.save')}
        </Button>
      </Form>
    </div>
  );
}
