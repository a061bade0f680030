import { Alert, Button, DatePicker, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import type { InterviewDetail } from '../../api/types';
import { showApiErrors } from '../../components/form-errors';
import { DEADLINE_PICKER, futureDateRule } from '../../components/future-date-rule';
import { useServerClock } from '../../clock/server-clock';
import { useT } from '../../i18n/i18n';
import { shanghaiIso, shanghaiWallClock } from '../../time/format';

interface RescheduleValues {
  time: Dayjs;
  endsAt?: Dayjs | null;
  place: string;
  followUpDueAt?: Dayjs | null;
  reason?: string;
}

const API_FIELDS = ['time', 'endsAt', 'place', 'followUpDueAt', 'reason'];

/**
 * 改期: the supervisor moves an interview not yet held. The unit gets a new notice and calendar invitation, and the
 * reminder moves with it. Left empty, the end keeps the interview's length and the follow-up deadline its date.
 */
export function RescheduleInterviewForm({ detail, onDone }: { detail: InterviewDetail; onDone: () => void }) {
  const t = useT();
  const { now } = useServerClock();
  const [form] = Form.useForm<RescheduleValues>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (values: RescheduleValues) => {
    setBusy(true);
    setProblem(null);
    try {
      await unwrap(
        api.POST('/api/interviews/{id}/reschedule', {
          params: { path: { id: detail.id } },
          body: {
            time: shanghaiIso(values.time),
            endsAt: values.endsAt ? shanghaiIso(values.endsAt) : undefined,
            place: values.place.trim(),
            followUpDueAt: values.followUpDueAt ? shanghaiIso(values.followUpDueAt) : undefined,
            reason: values.reason?.trim() || undefined,
          },
        }),
      );
      onDone();
    } catch (error) {
      setProblem(showApiErrors(form, error, API_FIELDS));
    } finally {
      setBusy(false);
    }
  };

  const afterTime = (message: string) => ({
    validator: (_: unknown, value: Dayjs | null | undefined) => {
      const start = form.getFieldValue('time') as Dayjs | undefined;
      return !value || !start || value.isAfter(start) ? Promise.resolve() : Promise.reject(new Error(message));
    },
  });

  return (
    <Form<RescheduleValues>
      form={form}
      name="reschedule-interview"
      layout="vertical"
      onFinish={submit}
      initialValues={{ time: shanghaiWallClock(detail.startsAt), place: detail.place }}
    >
      {problem && <Alert type="error" showIcon className="form-alert" title={problem} />}
      <div className="form-row">
        <Form.Item
          className="form-row-grow"
          label={t('interview.newTime')}
          name="time"
          rules={[
            { required: true, message: t('interview.timeRequired') },
            futureDateRule(now, t('interview.timeFuture')),
          ]}
        >
          <DatePicker {...DEADLINE_PICKER} />
        </Form.Item>
        <Form.Item
          className="form-row-grow"
          label={t('interview.endsAt')}
          name="endsAt"
          dependencies={['time']}
          extra={t('interview.rescheduleEndsHint')}
          rules={[afterTime(t('interview.endsAfterStart'))]}
        >
          <DatePicker {...DEADLINE_PICKER} />
        </Form.Item>
      </div>
      <Form.Item
        label={t('interview.place')}
        name="place"
        rules={[{ required: true, whitespace: true, message: t('interview.placeRequired') }]}
      >
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item
        label={t('interview.followUpDueAt')}
        name="followUpDueAt"
        dependencies={['time']}
        extra={t('interview.rescheduleFollowUpHint')}
        rules={[afterTime(t('interview.followUpAfterStart'))]}
      >
        <DatePicker {...DEADLINE_PICKER} />
      </Form.Item>
      <Form.Item label={t('interview.rescheduleReason')} name="reason">
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy}>
        {t('interview.rescheduleConfirm')}
      </Button>
    </Form>
  );
}
