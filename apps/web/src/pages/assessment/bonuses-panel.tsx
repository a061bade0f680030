import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, InputNumber, Select, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { asApiError } from '../../api/errors';
import { useAsync } from '../../api/use-async';
import { ErrorResult } from '../../components/error-result';
import { showApiErrors } from '../../components/form-errors';
import { useT } from '../../i18n/i18n';
import { formatDateTime } from '../../time/format';
import type { Bonus, RunSummary } from './assessment-types';
import { formatPoints } from './assessment-types';

interface Props {
  run: RunSummary;
  canEdit: boolean;
  generation: number;
  onChanged: () => void;
}

/** 先行先试加分: entered by the office with the recognised innovation while the run is a draft; counted on recompute. */
export function BonusesPanel({ run, canEdit, generation, onChanged }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const query = { planId: run.planId, year: run.year };
  const bonuses = useAsync(
    () => unwrap(api.GET('/api/assessment/bonuses', { params: { query } })),
    [run.planId, run.year, generation],
  );
  const editable = canEdit && run.status === 'draft';

  const withdraw = async (bonus: Bonus) => {
    try {
      await unwrap(api.POST('/api/assessment/bonuses/{id}/withdraw', { params: { path: { id: bonus.id } } }));
      void message.success(t('assessment.bonusWithdrawn'));
      onChanged();
    } catch (error) {
      void message.error(asApiError(error).message);
    }
  };

  if (bonuses.error) {
    return <ErrorResult error={bonuses.error} onRetry={bonuses.reload} />;
  }
  const columns: TableColumnsType<Bonus> = [
    { title: t('assessment.unit'), dataIndex: 'unitName', width: 170 },
    { title: t('assessment.bonusPoints'), dataIndex: 'points', width: 90, align: 'right', render: formatPoints },
    { title: t('assessment.bonusReason'), dataIndex: 'reason' },
    { title: t('assessment.savedAt'), dataIndex: 'createdAt', width: 150, render: formatDateTime },
    {
      title: t('assessment.statusLabel'),
      dataIndex: 'withdrawnAt',
      width: 150,
      render: (withdrawnAt: string | null, bonus) =>
        withdrawnAt ? (
          t('assessment.bonusWithdrawnAt', { time: formatDateTime(withdrawnAt) })
        ) : editable ? (
          <Button size="small" danger onClick={() => void withdraw(bonus)}>
            {t('assessment.withdrawBonus')}
          </Button>
        ) : (
          t('assessment.bonusActive')
        ),
    },
  ];
  return (
    <>
      <Typography.Paragraph type="secondary">{t('assessment.bonusHint')}</Typography.Paragraph>
      <Table<Bonus>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={bonuses.data}
        loading={bonuses.loading}
        caption={<span className="visually-hidden">{t('assessment.bonuses')}</span>}
        locale={{ emptyText: t('assessment.noBonuses') }}
        pagination={false}
      />
      {editable && <BonusForm run={run} onAdded={onChanged} />}
    </>
  );
}

interface BonusValues {
  unitId: number;
  points: number;
  reason: string;
}

function BonusForm({ run, onAdded }: { run: RunSummary; onAdded: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<BonusValues>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const units = useAsync(
    () => unwrap(api.GET('/api/assessment/runs/{id}/results', { params: { path: { id: run.id } } })),
    [run.id],
  );

  const submit = async (values: BonusValues) => {
    setBusy(true);
    setProblem(null);
    try {
      await unwrap(
        api.POST('/api/assessment/bonuses', {
          body: { planId: run.planId, year: run.year, ...values, reason: values.reason.trim() },
        }),
      );
      void message.success(t('assessment.bonusAdded'));
      form.resetFields();
      onAdded();
    } catch (error) {
      setProblem(showApiErrors(form, error, ['unitId', 'points', 'reason']));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      className="page-section"
      title={
        <Typography.Title level={3} className="card-title" id="bonus-title">
          {t('assessment.addBonus')}
        </Typography.Title>
      }
    >
      {problem && <Alert type="error" showIcon className="form-alert" title={problem} />}
      <Form<BonusValues> form={form} name="bonus" layout="vertical" aria-labelledby="bonus-title" onFinish={submit}>
        <Form.Item
          label={t('assessment.unit')}
          name="unitId"
          rules={[{ required: true, message: t('assessment.unitRequired') }]}
        >
          <Select<number>
            showSearch={{ optionFilterProp: 'label' }}
            loading={units.loading}
            options={(units.data ?? []).map((row) => ({ value: row.unitId, label: row.unitName }))}
          />
        </Form.Item>
        <Form.Item
          label={t('assessment.bonusPoints')}
          name="points"
          rules={[{ required: true, message: t('assessment.bonusPointsRequired') }]}
        >
          <InputNumber<number> min={0} max={20} precision={2} step={0.5} />
        </Form.Item>
        <Form.Item
          label={t('assessment.bonusReason')}
          name="reason"
          rules={[{ required: true, whitespace: true, message: t('assessment.bonusReasonRequired') }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<PlusOutlined aria-hidden />} loading={busy}>
          {t('assessment.addBonus')}
        </Button>
      </Form>
    </Card>
  );
}
