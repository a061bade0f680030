import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { DevClockBanner } from '../clock/dev-clock-banner';
import { showApiErrors } from '../components/form-errors';
import { useT } from '../i18n/i18n';
import { LanguageSwitch } from '../layout/language-switch';
import { useRouter } from '../router/router';
import { homePath } from '../session/roles';
import { useSession } from '../session/session';
import { hasAnyDraft } from './obligations/report-draft';

interface LoginForm {
  username: string;
  password: string;
}

/** Only a path inside this app may be returned to after login. */
function safeNext(next: string | null): string | null {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : null;
}

export function LoginPage() {
  const t = useT();
  const { state, login } = useSession();
  const { query, navigate } = useRouter();
  const [form] = Form.useForm<LoginForm>();
  const [submitting, setSubmitting] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const expired = state.status === 'anonymous' && state.expired;

  const submit = async (values: LoginForm) => {
    setSubmitting(true);
    setProblem(null);
    try {
      const user = await login(values.username.trim(), values.password);
      navigate(safeNext(query.get('next')) ?? homePath(user.role), { replace: true });
    } catch (error) {
      setProblem(showApiErrors(form, error, ['username', 'password'], 'password'));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <main className="login-page">
      <Card className="login-card">
        <div className="login-language">
          <LanguageSwitch />
        </div>
        <Typography.Title level={1} className="login-title">
          {t('app.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('login.subtitle')}</Typography.Paragraph>
        <DevClockBanner />
        {expired && (
          <Alert
            type="warning"
            showIcon
            title={t('login.expired')}
            description={hasAnyDraft() ? t('login.draftKept') : undefined}
            className="form-alert"
          />
        )}
        {problem && <Alert type="error" showIcon title={problem} className="form-alert" />}
        <Form form={form} name="login" layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item
            label={t('login.username')}
            name="username"
            rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
          >
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            label={t('login.password')}
            name="password"
            rules={[{ required: true, message: t('login.passwordRequired') }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={submitting}>
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </main>
  );
}
