import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { showApiErrors } from '../../components/form-errors';
import { useT } from '../../i18n/i18n';

interface PasswordForm {
  oldPassword: string;
  newPassword: string;
  confirm: string;
}

export function ChangePasswordPage() {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<PasswordForm>();
  const [submitting, setSubmitting] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async ({ oldPassword, newPassword }: PasswordForm) => {
    setSubmitting(true);
    setProblem(null);
    try {
      await unwrap(api.POST('/api/auth/password', { body: { oldPassword, newPassword } }));
      form.resetFields();
      void message.success(t('password.changed'));
    } catch (error) {
      setProblem(showApiErrors(form, error, ['oldPassword', 'newPassword']));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Card className="narrow-card">
      <Typography.Title level={2}>{t('account.changePassword')}</Typography.Title>
      {problem && <Alert type="error" showIcon title={problem} className="form-alert" />}
      <Form form={form} name="password" layout="vertical" onFinish={submit}>
        <Form.Item
          label={t('password.old')}
          name="oldPassword"
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          label={t('password.new')}
          name="newPassword"
          extra={t('password.rule')}
          rules={[
            { required: true, message: t('common.required') },
            { min: 8, message: t('password.tooShort') },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label={t('password.confirm')}
          name="confirm"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('common.required') },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || getFieldValue('newPassword') === value
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('password.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={submitting}>
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}
