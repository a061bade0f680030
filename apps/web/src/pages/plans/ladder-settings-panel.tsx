import { Alert, App, Button, Descriptions, Form, Input, InputNumber, Space, Switch, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, unwrap } from '../../api/client';
import type { PlanLadder, PlanLadderValues } from '../../api/types';
import { useAsync } from '../../api/use-async';
import { actorName } from '../../components/actor-name';
import { ErrorResult } from '../../components/error-result';
import { showApiErrors } from '../../components/form-errors';
import { PageLoading } from '../../components/page-loading';
import { useT } from '../../i18n/i18n';
import type { Translate } from '../../i18n/i18n';
import { formatDateTime } from '../../time/format';

type Field = keyof PlanLadderValues;

const DAY_FIELDS = [
  'yellowWarningAfterWorkingDays',
  'redWarningAfterWorkingDays',
  'supervisionAfterWorkingDays',
  'rectificationWorkingDays',
] as const;
const TIME_FIELDS = ['officeOpensAt', 'officeClosesAt'] as const;
const MARGIN_FIELD = 'progressLagMarginPoints';
/** The fields with a hint under them (every one but the two switches' own labels). */
type HintedField =
  'reminderWorkingDaysBeforeDue' | (typeof DAY_FIELDS)[number] | (typeof TIME_FIELDS)[number] | typeof MARGIN_FIELD;
const FIELD_ORDER: Field[] = [
  'reminderWorkingDaysBeforeDue',
  'remindOnDueDate',
  'yellowWarningAfterWorkingDays',
  'redWarningAfterWorkingDays',
  'supervisionAfterWorkingDays',
  'supervisionOnConsecutiveOverdue',
  'rectificationWorkingDays',
  'officeOpensAt',
  'officeClosesAt',
  MARGIN_FIELD,
];
const MAX_DAYS = 250;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** How a setting reads: "3 个工作日", "是", "09:00", "不提醒", "20 个百分点". */
function valueText(t: Translate, field: Field, ladder: PlanLadderValues): string {
  const value = ladder[field];
  if (value === null) {
    return t('ladder.none');
  }
  if (typeof value === 'boolean') {
    return t(value ? 'ladder.on' : 'ladder.off');
  }
  if (typeof value === 'number') {
    return t(field === MARGIN_FIELD ? 'ladder.points' : 'ladder.days', { value });
  }
  return value;
}

/**
 * 督办规则: when reminders, yellow and red warnings and supervision cases come for this plan, in which office
 * hours, and how far reported progress may trail a task's schedule before a progress-lag warning. Everyone who reads the plan sees it with the defaults; the office edits it. Order (黄 < 红 < 督办) and the
 * office hours as a whole are checked by the API, whose reasons show at the fields.
 */
export function LadderSettingsPanel({ planId, editable }: { planId: number; editable: boolean }) {
  const t = useT();
  const ladder = useAsync(
    () => unwrap(api.GET('/api/plans/{id}/ladder', { params: { path: { id: planId } } })),
    [planId],
  );
  if (ladder.error) {
    return <ErrorResult error={ladder.error} onRetry={ladder.reload} />;
  }
  if (!ladder.data) {
    return <PageLoading />;
  }
  const data = ladder.data;
  return (
    <section aria-labelledby="ladder-title" className="narrow-card">
      <Space wrap className="page-heading">
        <Typography.Title level={3} id="ladder-title" className="card-title">
          {t('ladder.title')}
        </Typography.Title>
        <Tag color={data.custom ? 'blue' : 'default'}>{t(data.custom ? 'ladder.custom' : 'ladder.default')}</Tag>
      </Space>
      <Typography.Paragraph type="secondary">{t('ladder.hint')}</Typography.Paragraph>
      {data.custom && data.updatedBy && (
        <Typography.Paragraph type="secondary">
          {t('ladder.updated', { name: actorName(data.updatedBy, t), time: formatDateTime(data.updatedAt) })}
        </Typography.Paragraph>
      )}
      {editable ? (
        <LadderForm planId={planId} ladder={data} onSaved={ladder.reload} />
      ) : (
        <Descriptions
          column={1}
          size="small"
          items={FIELD_ORDER.map((field) => ({
            key: field,
            label: t(`ladder.${field}`),
            children: (
              <Space wrap>
                {valueText(t, field, data)}
                {data.custom && (
                  <Typography.Text type="secondary">
                    {t('ladder.defaultValue', { value: valueText(t, field, data.defaults) })}
                  </Typography.Text>
                )}
              </Space>
            ),
          }))}
        />
      )}
    </section>
  );
}

function LadderForm({ planId, ladder, onSaved }: { planId: number; ladder: PlanLadder; onSaved: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<PlanLadderValues>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    form.setFieldsValue(valuesOf(ladder));
  }, [form, ladder]);

  const save = async (values: PlanLadderValues) => {
    setSaving(true);
    setProblem(null);
    try {
      const body = { ...values, reminderWorkingDaysBeforeDue: values.reminderWorkingDaysBeforeDue ?? null };
      const saved = await unwrap(api.PUT('/api/plans/{id}/ladder', { params: { path: { id: planId } }, body }));
      void message.success(t('ladder.saved', { count: saved.replanned }));
      onSaved();
    } catch (error) {
      setProblem(showApiErrors(form, error, FIELD_ORDER));
    } finally {
      setSaving(false);
    }
  };

  const extra = (field: HintedField) => (
    <>
      {t(`ladder.${field}.hint`)}
      <br />
      {t('ladder.defaultValue', { value: valueText(t, field, ladder.defaults) })}
    </>
  );
  const dayRules = [
    { required: true, message: t('common.required') },
    { type: 'integer' as const, min: 1, max: MAX_DAYS, message: t('ladder.range', { max: MAX_DAYS }) },
  ];

  return (
    <>
      {problem && <Alert type="error" showIcon className="form-alert" title={problem} />}
      <Form<PlanLadderValues> form={form} name="ladder" layout="vertical" className="ladder-form" onFinish={save}>
        <fieldset>
          <legend>{t('ladder.section.reminders')}</legend>
          <Form.Item
            label={t('ladder.reminderWorkingDaysBeforeDue')}
            name="reminderWorkingDaysBeforeDue"
            extra={extra('reminderWorkingDaysBeforeDue')}
            rules={[{ type: 'integer', min: 1, max: MAX_DAYS, message: t('ladder.range', { max: MAX_DAYS }) }]}
          >
            <InputNumber precision={0} suffix={t('ladder.daysUnit')} className="ladder-days" />
          </Form.Item>
          <Form.Item label={t('ladder.remindOnDueDate')} name="remindOnDueDate" valuePropName="checked">
            <Switch />
          </Form.Item>
        </fieldset>
        <fieldset>
          <legend>{t('ladder.section.warnings')}</legend>
          {DAY_FIELDS.map((field) => (
            <Form.Item key={field} label={t(`ladder.${field}`)} name={field} extra={extra(field)} rules={dayRules}>
              <InputNumber precision={0} suffix={t('ladder.daysUnit')} className="ladder-days" />
            </Form.Item>
          ))}
          <Form.Item
            label={t('ladder.supervisionOnConsecutiveOverdue')}
            name="supervisionOnConsecutiveOverdue"
            valuePropName="checked"
            extra={t('ladder.supervisionOnConsecutiveOverdue.hint')}
          >
            <Switch />
          </Form.Item>
        </fieldset>
        <fieldset>
          <legend>{t('ladder.section.hours')}</legend>
          {TIME_FIELDS.map((field) => (
            <Form.Item
              key={field}
              label={t(`ladder.${field}`)}
              name={field}
              extra={extra(field)}
              rules={[
                { required: true, message: t('common.required') },
                { pattern: TIME, message: t('ladder.timeFormat') },
              ]}
            >
              <Input placeholder="09:00" maxLength={5} className="ladder-time" />
            </Form.Item>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('ladder.section.progressLag')}</legend>
          <Form.Item
            label={t(`ladder.${MARGIN_FIELD}`)}
            name={MARGIN_FIELD}
            extra={extra(MARGIN_FIELD)}
            rules={[
              { required: true, message: t('common.required') },
              { type: 'integer', min: 0, max: 100, message: t('ladder.marginRange') },
            ]}
          >
            <InputNumber precision={0} suffix={t('ladder.pointsUnit')} className="ladder-days" />
          </Form.Item>
        </fieldset>
        <div className="form-actions">
          <Button type="primary" htmlType="submit" loading={saving}>
            {t('common.save')}
          </Button>
          <Button onClick={() => form.setFieldsValue(valuesOf(ladder.defaults))}>{t('ladder.restoreDefaults')}</Button>
        </div>
      </Form>
    </>
  );
}

/** Only the settings, so the form's store holds nothing but its fields. */
function valuesOf(ladder: PlanLadderValues): PlanLadderValues {
  return {
    reminderWorkingDaysBeforeDue: ladder.reminderWorkingDaysBeforeDue,
    remindOnDueDate: ladder.remindOnDueDate,
    yellowWarningAfterWorkingDays: ladder.yellowWarningAfterWorkingDays,
    redWarningAfterWorkingDays: ladder.redWarningAfterWorkingDays,
    supervisionAfterWorkingDays: ladder.supervisionAfterWorkingDays,
    supervisionOnConsecutiveOverdue: ladder.supervisionOnConsecutiveOverdue,
    rectificationWorkingDays: ladder.rectificationWorkingDays,
    officeOpensAt: ladder.officeOpensAt,
    officeClosesAt: ladder.officeClosesAt,
    progressLagMarginPoints: ladder.progressLagMarginPoints,
  };
}
