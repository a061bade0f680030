import { Form, InputNumber, Typography } from 'antd';
import type { Indicator } from '../../api/types';
import { useT } from '../../i18n/i18n';

/** One number per indicator of the plan (受污染耕地安全利用率 …), each labelled with its target; all optional. */
export function IndicatorFields({ indicators }: { indicators: Indicator[] }) {
  const t = useT();
  if (indicators.length === 0) {
    return null;
  }
  return (
    <fieldset className="indicator-fields">
      <legend>{t('report.indicators')}</legend>
      <Typography.Paragraph type="secondary">{t('report.indicatorsHint')}</Typography.Paragraph>
      {indicators.map((indicator) => (
        <Form.Item
          key={indicator.id}
          label={indicator.name}
          name={['indicators', String(indicator.id)]}
          extra={t('report.indicatorTarget', {
            target: `${indicator.comparator} ${indicator.target}${indicator.unit}`,
            raw: indicator.raw,
          })}
        >
          <InputNumber suffix={indicator.unit || undefined} className="percent-input" />
        </Form.Item>
      ))}
    </fieldset>
  );
}
