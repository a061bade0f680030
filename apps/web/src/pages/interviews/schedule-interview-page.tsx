import { Alert, App, Button, Card, DatePicker, Form, Input, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { useAsync } from '../../api/use-async';
import { showApiErrors } from '../../components/form-errors';
import { UnitSelect } from '../../components/unit-select';
import { useT } from '../../i18n/i18n';
import { useRouter } from '../../router/router';
import { shanghaiIso } from '../../time/format';

interface ScheduleValues {
  unitId: number;
  caseId?: number;
  reason: string;
  principalHead?: string;
  time: Dayjs;
  endsAt?: Dayjs | null;
  place: string;
  attendees: string[];
  followUpDueAt: Dayjs;
}

const API_FIELDS = [
  'unitId',
  'caseId',
  'reason',
  'principalHead',
  'time',
  'endsAt',
  'place',
  'attendees',
  'followUpDueAt',
];
const DATE_TIME = { showTime: { format: 'HH:mm' }, format: 'YYYY-MM-DD HH:mm' } as const;

/** 安排约谈 by hand: the unit (and the case behind it), time and place, who attends, the follow-up deadline. */
export function ScheduleInterviewPage() {
  const t = useT();
  const { message } = App.useApp();
  const { query, navigate } = useRouter();
  const [form] = Form.useForm<ScheduleValues>();
  const unitId = Form.useWatch('unitId', form) ?? (Number(query.get('unitId')) || undefined);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const cases = useAsync(
    () => (unitId ? unwrap(api.GET('/api/supervision-cases', { params: { query: { unitId } } })) : Promise.resolve([])),
    [unitId],
  );

  const submit = async (values: ScheduleValues) => {
    setBusy(true);
    setProblem(null);
    try {
      const scheduled = await unwrap(
        api.POST('/api/interviews', {
          body: {
            unitId: values.unitId,
            caseId: values.caseId,
            reason: values.reason.trim(),
            principalHead: values.principalHead?.trim() || undefined,
            time: shanghaiIso(values.time),
            endsAt: values.endsAt ? shanghaiIso(values.endsAt) : undefined,
            place: values.place.trim(),
            attendees: values.attendees,
            followUpDueAt: shanghaiIso(values.followUpDueAt),
          },
        }),
      );
      void message.success(t('interview.scheduled', { unit: scheduled.unitName }));
      navigate(`/interviews/${scheduled.id}`);
    } catch (error) {
      setProblem(showApiErrors(form, error, API_FIELDS));
    } finally {
      setBusy(false);
    }
  };

  const after = (field: keyof ScheduleValues, message: string) => ({
    validator: (_: unknown, value: Dayjs | null | undefined) => {
      const start = form.getFieldValue(field) as Dayjs | undefined;
      return !value || !start || value.isAfter(start) ? Promise.resolve() : Promise.reject(new Error(message));
    },
  });

  return (
    <Card className="form-card">
      <Typography.Title level={2} id="schedule-title">
        {t('interview.schedule')}
      </Typography.Title>
      {problem && <Alert type="error" showIcon className="form-alert" title={problem} />}
      <Form<ScheduleValues>
        form={form}
        name="schedule-interview"
        layout="vertical"
        aria-labelledby="schedule-title"
        onFinish={submit}
        scrollToFirstError
        initialValues={{
          unitId: Number(query.get('unitId')) || undefined,
          caseId: Number(query.get('caseId')) || undefined,
          attendees: [],
        }}
      >
        <div className="form-row">
          <Form.Item
            className="form-row-grow"
            label={t('case.unit')}
            name="unitId"
            rules={[{ required: true, message: t('case.unitRequired') }]}
          >
            <UnitSelect
              placeholder={t('case.unitPlaceholder')}
              onChange={() => form.setFieldValue('caseId', undefined)}
            />
          </Form.Item>
          <Form.Item
            className="form-row-grow"
            label={t('interview.case')}
            name="caseId"
            extra={t('interview.caseHint')}
          >
            <Select<number>
              allowClear
              loading={cases.loading}
              options={(cases.data ?? []).map((c) => ({ value: c.id, label: `${c.number}（${c.statusLabel}）` }))}
            />
          </Form.Item>
        </div>
        <Form.Item
          label={t('interview.reason')}
          name="reason"
          rules={[{ required: true, whitespace: true, message: t('interview.reasonRequired') }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
        <Form.Item label={t('interview.principal')} name="principalHead" extra={t('interview.principalHint')}>
          <Input maxLength={100} />
        </Form.Item>
        <div className="form-row">
          <Form.Item
            className="form-row-grow"
            label={t('interview.time')}
            name="time"
            rules={[{ required: true, message: t('interview.timeRequired') }]}
          >
            <DatePicker {...DATE_TIME} />
          </Form.Item>
          <Form.Item
            className="form-row-grow"
            label={t('interview.endsAt')}
            name="endsAt"
            dependencies={['time']}
            extra={t('interview.endsAtHint')}
            rules={[after('time', t('interview.endsAfterStart'))]}
          >
            <DatePicker {...DATE_TIME} />
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
          label={t('interview.attendees')}
          name="attendees"
          extra={t('interview.attendeesHint')}
          rules={[{ required: true, type: 'array', min: 1, message: t('interview.attendeesRequired') }]}
        >
          <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={['，', ',', '、']} />
        </Form.Item>
        <Form.Item
          label={t('interview.followUpDueAt')}
          name="followUpDueAt"
          dependencies={['time']}
          rules={[
            { required: true, message: t('interview.followUpDueRequired') },
            after('time', t('interview.followUpAfterStart')),
          ]}
        >
          <DatePicker {...DATE_TIME} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('interview.scheduleConfirm')}
        </Button>
      </Form>
    </Card>
  );
}
