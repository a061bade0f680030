import { CheckOutlined, RollbackOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Form, Input, Rate, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import type { ObligationDetail } from '../../api/types';
import { showApiErrors } from '../../components/form-errors';
import { DEADLINE_PICKER, futureDateRule } from '../../components/future-date-rule';
import { useServerClock } from '../../clock/server-clock';
import { useT } from '../../i18n/i18n';
import { formatDateTime, shanghaiIso } from '../../time/format';

interface ReviewValues {
  rating?: number;
  comment?: string;
  /** Return only: the new deadline; empty lets the plan's rule (working days after the return) set it. */
  dueAt?: Dayjs | null;
}

const API_FIELDS = ['rating', 'comment', 'dueAt'];

const MAX_COMMENT = 2000;

/**
 * 审核: accept (a rating 1–5 and a comment, both optional) or return (the comment is then required, and a new
 * deadline may be given).
 */
export function ReviewPanel({ detail, onReviewed }: { detail: ObligationDetail; onReviewed: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const { now } = useServerClock();
  const [form] = Form.useForm<ReviewValues>();
  const [busy, setBusy] = useState<'accept' | 'return' | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const decide = async (decision: 'accept' | 'return') => {
    setProblem(null);
    const { rating, comment, dueAt } = form.getFieldsValue();
    const text = comment?.trim() ?? '';
    if (decision === 'return' && !text) {
      form.setFields([{ name: 'comment', errors: [t('review.commentRequired')] }]);
      form.getFieldInstance('comment')?.focus?.();
      return;
    }
    try {
      // The new deadline concerns a return only: a stale one must not hold up an acceptance.
      await form.validateFields(decision === 'accept' ? ['rating', 'comment'] : undefined);
    } catch {
      return;
    }
    setBusy(decision);
    try {
      const path = { params: { path: { id: detail.id } } };
      const receipt =
        decision === 'accept'
          ? await unwrap(
              api.POST('/api/obligations/{id}/accept', {
                ...path,
                body: { rating: rating || undefined, comment: text || undefined },
              }),
            )
          : await unwrap(
              api.POST('/api/obligations/{id}/return', {
                ...path,
                body: { comment: text, dueAt: dueAt ? shanghaiIso(dueAt) : undefined },
              }),
            );
      void message.success(
        decision === 'accept'
          ? t('review.accepted', { unit: detail.unitName })
          : t('review.returned', { unit: detail.unitName, time: formatDateTime(receipt.dueAt) }),
      );
      form.resetFields();
      onReviewed();
    } catch (error) {
      setProblem(showApiErrors(form, error, API_FIELDS));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card
      className="review-panel"
      title={
        <Typography.Title level={3} className="card-title" id="review-title">
          {t(detail.reviewer === 'lead' ? 'review.titleLead' : 'review.title')}
        </Typography.Title>
      }
    >
      {problem && <Alert type="error" showIcon className="form-alert" title={problem} />}
      <Form<ReviewValues> form={form} name="review" layout="vertical" aria-labelledby="review-title">
        <Form.Item label={t('review.rating')} name="rating" extra={t('review.ratingHint')}>
          <Rate allowClear />
        </Form.Item>
        <Form.Item
          label={t('review.comment')}
          name="comment"
          extra={t('review.commentHint')}
          rules={[{ max: MAX_COMMENT, message: t('report.textTooLong', { max: MAX_COMMENT }) }]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={MAX_COMMENT} showCount />
        </Form.Item>
        <Form.Item
          label={t('review.dueAt')}
          name="dueAt"
          extra={t('review.dueAtHint')}
          rules={[futureDateRule(now, t('deadline.future'))]}
        >
          <DatePicker {...DEADLINE_PICKER} />
        </Form.Item>
        <div className="form-actions">
          <Button
            type="primary"
            icon={<CheckOutlined aria-hidden />}
            loading={busy === 'accept'}
            disabled={busy !== null}
            onClick={() => void decide('accept')}
          >
            {t('review.accept')}
          </Button>
          <Button
            danger
            icon={<RollbackOutlined aria-hidden />}
            loading={busy === 'return'}
            disabled={busy !== null}
            onClick={() => void decide('return')}
          >
            {t('review.return')}
          </Button>
        </div>
      </Form>
    </Card>
  );
}
