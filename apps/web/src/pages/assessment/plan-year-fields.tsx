import { Form, InputNumber, Select } from 'antd';
import { api, unwrap } from '../../api/client';
import { useAsync } from '../../api/use-async';
import { useT } from '../../i18n/i18n';

/** The plan and year an assessment is about: published plans only, the year as four digits. */
export function PlanYearFields({ inline = false }: { inline?: boolean }) {
  const t = useT();
  const plans = useAsync(() => unwrap(api.GET('/api/plans')), []);
  return (
    <>
      <Form.Item
        label={t('assessment.plan')}
        name="planId"
        rules={[{ required: true, message: t('assessment.planRequired') }]}
      >
        <Select<number>
          className={inline ? 'filter-select' : undefined}
          style={inline ? { minWidth: 320 } : undefined}
          loading={plans.loading}
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('assessment.planPlaceholder')}
          options={(plans.data ?? [])
            .filter((plan) => plan.status === 'published')
            .map((plan) => ({ value: plan.id, label: plan.title }))}
        />
      </Form.Item>
      <Form.Item
        label={t('assessment.year')}
        name="year"
        rules={[{ required: true, message: t('assessment.yearRequired') }]}
      >
        <InputNumber<number> min={2000} max={2100} precision={0} />
      </Form.Item>
    </>
  );
}

/** The assessment year a plan starts with: the server's current year (Asia/Shanghai). */
export function currentYear(now: Date): number {
  return Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Asia/Shanghai' }).format(now));
}
