import { DatePicker, Form, Select } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { useT } from '../../i18n/i18n';
import type { PlanSummary } from './dashboard-types';
import type { DashboardFilters } from './use-dashboard-filters';

const MONTH_FORMAT = 'YYYY-MM';

const toMonth = (value: string | undefined): Dayjs | null => (value ? dayjs(`${value}-01`) : null);

/** The plan, the overview's period and the span of the matrix, trend and league table. */
export function DashboardFilterBar({
  plans,
  filters,
  onChange,
}: {
  plans: PlanSummary[] | undefined;
  filters: DashboardFilters;
  onChange: (change: Partial<DashboardFilters>) => void;
}) {
  const t = useT();
  return (
    <Form layout="inline" className="table-filters dashboard-filters" name="dashboard-filters">
      <Form.Item label={t('dashboard.filter.plan')} htmlFor="dashboard-plan">
        <Select<number>
          id="dashboard-plan"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          className="dashboard-plan-select"
          value={filters.planId}
          loading={plans === undefined}
          placeholder={t('dashboard.filter.allPlans')}
          onChange={(planId) => onChange({ planId })}
          options={(plans ?? []).map((plan) => ({ value: plan.planId, label: plan.title }))}
        />
      </Form.Item>
      <Form.Item label={t('dashboard.filter.period')} htmlFor="dashboard-period">
        <DatePicker
          id="dashboard-period"
          picker="month"
          format={MONTH_FORMAT}
          value={toMonth(filters.period)}
          placeholder={t('dashboard.filter.periodDefault')}
          onChange={(value: Dayjs | null) => onChange({ period: value?.format(MONTH_FORMAT) })}
        />
      </Form.Item>
      <Form.Item label={t('dashboard.filter.range')} htmlFor="dashboard-range-from">
        <DatePicker.RangePicker
          id={{ start: 'dashboard-range-from', end: 'dashboard-range-to' }}
          picker="month"
          format={MONTH_FORMAT}
          allowEmpty={[true, true]}
          value={[toMonth(filters.from), toMonth(filters.to)]}
          placeholder={[t('dashboard.filter.rangeFrom'), t('dashboard.filter.rangeTo')]}
          onChange={(values) =>
            onChange({ from: values?.[0]?.format(MONTH_FORMAT), to: values?.[1]?.format(MONTH_FORMAT) })
          }
        />
      </Form.Item>
    </Form>
  );
}
