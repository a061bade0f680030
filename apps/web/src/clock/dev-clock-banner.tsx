import { FieldTimeOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Form } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { showApiErrors } from '../components/form-errors';
import { useT } from '../i18n/i18n';
import { useUnreadCount } from '../notifications/unread-count';
import { hasRole, OFFICE_ROLES } from '../session/roles';
import { useSession } from '../session/session';
import { formatDateTime, shanghaiIso, shanghaiWallClock } from '../time/format';
import { useServerClock } from './server-clock';

interface MoveForm {
  now: Dayjs | null;
}

/**
 * Shown only while the demo clock is enabled (never in production): the simulated time, and for the office a
 * picker that moves it. Moving runs every step that fell due, then every page on screen reloads.
 */
export function DevClockBanner() {
  const t = useT();
  const { clock, now } = useServerClock();
  const { state } = useSession();
  const [, setTick] = useState(0);

  useEffect(() => {
    const timer = window.setInterval(() => setTick((tick) => tick + 1), 30_000);
    return () => window.clearInterval(timer);
  }, []);

  if (!clock?.enabled) {
    return null;
  }
  const canMove = state.status === 'signed-in' && hasRole(state.user.role, OFFICE_ROLES);
  const shown = formatDateTime(now().toISOString());
  return (
    <section className="dev-clock-banner" aria-label={t('clock.banner')}>
      <span className="dev-clock-text">
        <FieldTimeOutlined aria-hidden className="dev-clock-icon" />{' '}
        {clock.simulated ? t('clock.simulated', { time: shown }) : t('clock.real', { time: shown })}
      </span>
      {canMove && <MoveClockForm />}
    </section>
  );
}

function MoveClockForm() {
  const t = useT();
  const { message } = App.useApp();
  const { now, move } = useServerClock();
  const { refresh: refreshBell } = useUnreadCount();
  const [form] = Form.useForm<MoveForm>();
  const [busy, setBusy] = useState(false);

  const submit = async ({ now: picked }: MoveForm) => {
    if (!picked) {
      return;
    }
    setBusy(true);
    try {
      const run = await move(shanghaiIso(picked));
      refreshBell();
      form.resetFields();
      void message.success(
        t('clock.moved', { time: formatDateTime(shanghaiIso(picked)), steps: run.stepsRun, emails: run.emailsSent }),
      );
    } catch (error) {
      const problem = showApiErrors(form, error, ['now'], 'now');
      if (problem) {
        void message.error(problem);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form<MoveForm>
      form={form}
      name="dev-clock"
      layout="inline"
      className="dev-clock-form"
      requiredMark={false}
      onFinish={submit}
    >
      <Form.Item
        label={t('clock.moveTo')}
        name="now"
        rules={[{ required: true, message: t('clock.pick') }]}
        className="dev-clock-field"
      >
        <DatePicker
          showTime={{ format: 'HH:mm' }}
          format="YYYY-MM-DD HH:mm"
          size="small"
          placeholder={t('clock.pick')}
          defaultPickerValue={shanghaiWallClock(now().toISOString())}
        />
      </Form.Item>
      <Button size="small" type="primary" htmlType="submit" loading={busy}>
        {t('clock.move')}
      </Button>
    </Form>
  );
}
