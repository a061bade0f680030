import { Form, InputNumber, Typography } from 'antd';
import type { ReportIndicator } from '../../api/types';
import { useT } from '../../i18n/i18n';
import type { Translate } from '../../i18n/i18n';

const SYMBOLS: Record<string, string> = { '>=': '≥', '<=': '≤', '=': '=' };

/** `≥ 90%`, `约 90%` (达到90%左右), with the date when the plan names one: two targets may share a name. */
function targetOf(indicator: ReportIndicator, t: Translate): string {
  const value = `${indicator.target}${indicator.unit}`;
  const target =
    indicator.comparator === '=' && indicator.approximate
      ? t('report.indicatorAbout', { value })
      : `${SYMBOLS[indicator.comparator] ?? indicator.comparator} ${value}`;
  return indicator.targetDate ? `${target}，${indicator.targetDate}` : target;
}

/** The indicator's name, with its target date when another indicator of the list has the same name (2020, 2030). */
export function indicatorLabel(indicator: ReportIndicator, all: readonly ReportIndicator[]): string {
  const shared = all.some((other) => other.id !== indicator.id && other.name === indicator.name);
  return shared && indicator.targetDate ? `${indicator.name}（${indicator.targetDate}）` : indicator.name;
}

/**
 * One number per indicator the report concerns (受污染耕地安全利用率 …), each labelled with its target and which way is
 * better; all optional.
 */
export function IndicatorFields({ indicators }: { indicators: ReportIndicator[] }) {
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
          label={indicatorLabel(indicator, indicators)}
          name={['indicators', String(indicator.id)]}
          extra={`${t('report.indicatorTarget', { target: targetOf(indicator, t), raw: indicator.raw })} · ${t(
            `report.indicatorDirection.${indicator.direction}`,
          )}`}
        >
          <InputNumber suffix={indicator.unit || undefined} className="percent-input" />
        </Form.Item>
      ))}
    </fieldset>
  );
}
