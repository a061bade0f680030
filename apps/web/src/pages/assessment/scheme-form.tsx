import { Alert, App, Button, Col, Form, InputNumber, Row, Typography } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { showApiErrors } from '../../components/form-errors';
import { useT } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages';
import type { SchemeBody } from './assessment-types';
import { formatPoints } from './assessment-types';

type SchemeValues = SchemeBody & { weightsTotal?: never; gradesOrder?: never };

const WEIGHTS = ['timeliness', 'completion', 'reviewQuality', 'indicators'] as const;
const DEDUCTIONS = [
  'freeYellowWarnings',
  'yellowWarning',
  'redWarning',
  'progressLagWarning',
  'supervisionCase',
  'interview',
  'cap',
] as const;
const GRADES = ['excellent', 'good', 'pass'] as const;

/** The API names a bad field `weights.timeliness`, or the whole group (`weights` when the sum is off). */
function fieldOf(apiName: string): string | string[] | undefined {
  if (apiName === 'weights') {
    return 'weightsTotal';
  }
  if (apiName === 'grades') {
    return 'gradesOrder';
  }
  if (apiName === 'bonusCap' || apiName === 'appealWorkingDays') {
    return apiName;
  }
  const [group, name] = apiName.split('.');
  return ['weights', 'deductions', 'grades'].includes(group) && name ? [group, name] : undefined;
}

interface Props {
  planId: number;
  year: number;
  scheme: SchemeBody;
  editable: boolean;
  onSaved: () => void;
}

/**
 * Weights (the four parts, summing to 100), deductions per warning, case and interview with an optional cap, the
 * 先行先试 bonus cap, grade thresholds and the appeal window. The API checks the whole scheme and names every bad
 * field; its reasons appear at those fields.
 */
export function SchemeForm({ planId, year, scheme, editable, onSaved }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<SchemeValues>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (values: SchemeValues) => {
    setBusy(true);
    setProblem(null);
    try {
      const saved = await unwrap(
        api.PUT('/api/assessment/schemes', {
          body: {
            planId,
            year,
            weights: values.weights,
            deductions: { ...values.deductions, cap: values.deductions.cap ?? null },
            bonusCap: values.bonusCap,
            grades: values.grades,
            appealWorkingDays: values.appealWorkingDays,
          },
        }),
      );
      void message.success(t('assessment.schemeSaved', { version: saved.version ?? 0 }));
      onSaved();
    } catch (error) {
      setProblem(showApiErrors(form, error, fieldOf));
    } finally {
      setBusy(false);
    }
  };

  const number = (name: (string | number)[] | string, label: MessageKey, extra?: MessageKey, integer = false) => (
    <Form.Item label={t(label)} name={name} extra={extra ? t(extra) : undefined}>
      <InputNumber<number> min={0} precision={integer ? 0 : undefined} step={integer ? 1 : 0.5} disabled={!editable} />
    </Form.Item>
  );

  return (
    <Form<SchemeValues>
      form={form}
      name="scheme"
      layout="vertical"
      onFinish={submit}
      initialValues={scheme}
      disabled={!editable}
    >
      {problem && <Alert type="error" showIcon className="form-alert" title={problem} />}
      <Typography.Title level={4}>{t('assessment.weights')}</Typography.Title>
      <Row gutter={16}>
        {WEIGHTS.map((name) => (
          <Col key={name} xs={12} md={6}>
            {number(['weights', name], `assessment.component.${name}`)}
          </Col>
        ))}
      </Row>
      <Form.Item name="weightsTotal" label={t('assessment.weightsTotal')}>
        <WeightsTotal />
      </Form.Item>
      <Typography.Title level={4}>{t('assessment.deductions')}</Typography.Title>
      <Row gutter={16}>
        {DEDUCTIONS.map((name) => (
          <Col key={name} xs={12} md={6}>
            {number(
              ['deductions', name],
              `assessment.deduction.${name}`,
              name === 'cap' ? 'assessment.deduction.capHint' : undefined,
              name === 'freeYellowWarnings',
            )}
          </Col>
        ))}
      </Row>
      <Typography.Title level={4}>{t('assessment.gradesAndBonus')}</Typography.Title>
      <Row gutter={16}>
        {GRADES.map((name) => (
          <Col key={name} xs={12} md={6}>
            {number(['grades', name], `assessment.gradeThreshold.${name}`)}
          </Col>
        ))}
      </Row>
      <Form.Item name="gradesOrder">
        <GradesOrderHint />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={12} md={6}>
          {number('bonusCap', 'assessment.bonusCap')}
        </Col>
        <Col xs={12} md={6}>
          {number('appealWorkingDays', 'assessment.appealWorkingDays', 'assessment.appealWorkingDaysHint', true)}
        </Col>
      </Row>
      {editable && (
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('assessment.saveScheme')}
        </Button>
      )}
    </Form>
  );
}

/** The live sum of the weights; the API refuses the scheme unless it is 100. */
function WeightsTotal() {
  const t = useT();
  const weights = Form.useWatch('weights') as SchemeBody['weights'] | undefined;
  const sum = WEIGHTS.reduce((total, name) => total + Math.round((weights?.[name] ?? 0) * 100), 0) / 100;
  return (
    <Typography.Text type={sum === 100 ? 'success' : 'danger'} aria-live="polite">
      {t('assessment.weightsSum', { sum: formatPoints(sum) })}
    </Typography.Text>
  );
}

/** Where the API's "pass < good < excellent" refusal shows. */
function GradesOrderHint() {
  const t = useT();
  return <Typography.Text type="secondary">{t('assessment.gradesOrderHint')}</Typography.Text>;
}
