import { SendOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, InputNumber, Progress, Radio, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { useRef, useState } from 'react';
import type { ReportIndicator, ObligationDetail, SubmissionKind } from '../../api/types';
import { postFormWithProgress } from '../../api/upload';
import { showApiErrors } from '../../components/form-errors';
import { useServerClock } from '../../clock/server-clock';
import { useT } from '../../i18n/i18n';
import { useUser } from '../../session/session';
import { formatDateTime } from '../../time/format';
import { ATTACHMENT_EXTENSIONS, attachmentProblem, MAX_ATTACHMENTS } from './attachment-rules';
import { newIdempotencyKey } from './idempotency-key';
import { IndicatorFields } from './indicator-fields';
import { clearDraft, loadDraft, saveDraft } from './report-draft';

export interface ReportValues {
  kind: SubmissionKind;
  progressText?: string;
  percentComplete?: number | null;
  indicators?: Record<string, number | null>;
  files?: UploadFile[];
}

const MAX_TEXT = 10_000;
const API_FIELDS = ['kind', 'progressText', 'percentComplete', 'files'];

interface Props {
  detail: ObligationDetail;
  indicators: ReportIndicator[];
  onSubmitted: () => void;
}

/**
 * The monthly report: progress (text, % complete, indicator values, attachments), 本期无新进展 or 无此项任务. Every
 * keystroke is kept as a local draft, so a session that expires mid-report sends the user to login and back here
 * without losing the text. A retry of the same content reuses its Idempotency-Key, so it is never filed twice.
 */
export function ReportForm({ detail, indicators, onSubmitted }: Props) {
  const t = useT();
  const user = useUser();
  const { message } = App.useApp();
  const { now } = useServerClock();
  const [form] = Form.useForm<ReportValues>();
  const [restored, setRestored] = useState(() => loadDraft(user.id, detail.id));
  const watchedKind = Form.useWatch('kind', form);
  const kind: SubmissionKind = watchedKind ?? restored?.kind ?? 'progress';
  const [uploadPercent, setUploadPercent] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const attempt = useRef<{ key: string; fingerprint: string } | null>(null);

  const remember = (_: unknown, all: ReportValues) => {
    saveDraft(
      user.id,
      detail.id,
      {
        kind: all.kind,
        progressText: all.progressText,
        percentComplete: all.percentComplete ?? null,
        indicators: all.indicators,
      },
      now(),
    );
  };

  const discardDraft = () => {
    clearDraft(user.id, detail.id);
    setRestored(null);
    form.resetFields();
    form.setFieldsValue({ kind: 'progress', progressText: undefined, percentComplete: null, indicators: {} });
  };

  const submit = async (values: ReportValues) => {
    setProblem(null);
    const text = values.progressText?.trim() ?? '';
    const percent = values.kind === 'progress' ? (values.percentComplete ?? null) : null;
    const sent =
      values.kind === 'progress'
        ? indicators.flatMap((indicator) => {
            const value = values.indicators?.[indicator.id];
            return value === null || value === undefined ? [] : [{ indicatorId: indicator.id, value }];
          })
        : [];
    const files = values.kind === 'no_task' ? [] : (values.files ?? []);
    const body = new FormData();
    body.set('kind', values.kind);
    if (text) {
      body.set('progressText', text);
    }
    if (percent !== null) {
      body.set('percentComplete', String(percent));
    }
    if (sent.length) {
      body.set('indicatorValues', JSON.stringify(sent));
    }
    for (const file of files) {
      if (file.originFileObj) {
        body.append('files', file.originFileObj, file.name);
      }
    }
    const fingerprint = JSON.stringify([
      values.kind,
      text,
      percent,
      sent,
      files.map((file) => [file.name, file.size, file.lastModified]),
    ]);
    if (attempt.current?.fingerprint !== fingerprint) {
      attempt.current = { key: newIdempotencyKey(), fingerprint };
    }
    setUploadPercent(0);
    try {
      await postFormWithProgress(
        `/api/obligations/${detail.id}/submissions`,
        body,
        (_, percentSent) => setUploadPercent(percentSent),
        { 'Idempotency-Key': attempt.current.key },
      );
      clearDraft(user.id, detail.id);
      attempt.current = null;
      void message.success(t('report.sent', { period: detail.periodLabel }));
      onSubmitted();
    } catch (error) {
      // `indicatorValues[2].value` names the third value sent, which is one indicator's field in this form.
      const toField = (name: string) => {
        const indexed = /^indicatorValues\[(\d+)\]/.exec(name);
        if (indexed) {
          const indicatorId = sent[Number(indexed[1])]?.indicatorId;
          return indicatorId === undefined ? undefined : ['indicators', String(indicatorId)];
        }
        return API_FIELDS.includes(name) ? name : undefined;
      };
      setProblem(showApiErrors(form, error, toField));
    } finally {
      setUploadPercent(null);
    }
  };

  const returned = detail.status === 'returned';
  return (
    <Card
      className="report-form-card"
      title={
        <Typography.Title level={3} className="card-title" id="report-form-title">
          {t(returned ? 'report.formTitleAgain' : 'report.formTitle', { period: detail.periodLabel })}
        </Typography.Title>
      }
    >
      {restored && (
        <Alert
          type="info"
          showIcon
          className="form-alert"
          title={t('report.draftRestored', { time: formatDateTime(restored.savedAt) })}
          description={t('report.draftFilesAgain')}
          action={
            <Button size="small" onClick={discardDraft}>
              {t('report.discardDraft')}
            </Button>
          }
        />
      )}
      {problem && <Alert type="error" showIcon className="form-alert" title={problem} />}
      <Form<ReportValues>
        form={form}
        name="report"
        layout="vertical"
        aria-labelledby="report-form-title"
        initialValues={{
          kind: restored?.kind ?? 'progress',
          progressText: restored?.progressText,
          percentComplete: restored?.percentComplete ?? null,
          indicators: restored?.indicators ?? {},
        }}
        onValuesChange={remember}
        onFinish={submit}
        scrollToFirstError
      >
        <Form.Item label={t('report.kind')} name="kind">
          <Radio.Group
            optionType="button"
            options={[
              { value: 'progress', label: t('report.kind.progress') },
              { value: 'no_progress', label: t('report.kind.no_progress') },
              { value: 'no_task', label: t('report.kind.no_task') },
            ]}
          />
        </Form.Item>
        {kind !== 'progress' && (
          <Typography.Paragraph type="secondary">
            {t(kind === 'no_task' ? 'report.noTaskHint' : 'report.noProgressHint')}
          </Typography.Paragraph>
        )}
        <Form.Item
          label={t(kind === 'progress' ? 'report.progressText' : 'report.explanation')}
          name="progressText"
          rules={[
            { required: kind === 'progress', whitespace: true, message: t('report.progressTextRequired') },
            { max: MAX_TEXT, message: t('report.textTooLong', { max: MAX_TEXT }) },
          ]}
        >
          <Input.TextArea
            autoSize={{ minRows: kind === 'progress' ? 5 : 2, maxRows: 16 }}
            placeholder={kind === 'progress' ? t('report.progressPlaceholder') : undefined}
            showCount
            maxLength={MAX_TEXT}
          />
        </Form.Item>
        {kind === 'progress' && (
          <Form.Item
            label={t('report.percent')}
            name="percentComplete"
            extra={t('report.percentHint')}
            rules={[
              { required: true, message: t('report.percentRequired') },
              { type: 'integer', min: 0, max: 100, message: t('report.percentRange') },
            ]}
          >
            <InputNumber min={0} max={100} precision={0} suffix="%" className="percent-input" />
          </Form.Item>
        )}
        {kind === 'progress' && <IndicatorFields indicators={indicators} />}
        {kind !== 'no_task' && (
          <Form.Item
            label={t('report.files')}
            name="files"
            valuePropName="fileList"
            getValueFromEvent={(event: { fileList: UploadFile[] } | UploadFile[]) =>
              Array.isArray(event) ? event : event.fileList
            }
            extra={t('report.filesHint', { max: MAX_ATTACHMENTS, types: ATTACHMENT_EXTENSIONS.join('、') })}
            rules={[
              {
                validator: (_, files: UploadFile[] | undefined) => {
                  const found = attachmentProblem(files ?? []);
                  if (!found) {
                    return Promise.resolve();
                  }
                  const reason =
                    found.kind === 'count'
                      ? t('report.filesTooMany', { max: MAX_ATTACHMENTS })
                      : t(`report.file.${found.kind}`, { name: found.name });
                  return Promise.reject(new Error(reason));
                },
              },
            ]}
          >
            <Upload
              beforeUpload={() => false}
              multiple
              accept={ATTACHMENT_EXTENSIONS.map((ext) => `.${ext}`).join(',')}
            >
              <Button icon={<UploadOutlined aria-hidden />}>{t('report.chooseFiles')}</Button>
            </Upload>
          </Form.Item>
        )}
        {uploadPercent !== null && (
          <Progress percent={uploadPercent} size="small" aria-label={t('report.uploading')} className="form-alert" />
        )}
        <div className="form-actions">
          <Button type="primary" htmlType="submit" icon={<SendOutlined aria-hidden />} loading={uploadPercent !== null}>
            {t(returned ? 'report.resubmit' : 'report.submit')}
          </Button>
          <Typography.Text type="secondary" className="form-actions-hint">
            {t('report.lockedHint')}
          </Typography.Text>
        </div>
      </Form>
    </Card>
  );
}
