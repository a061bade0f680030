import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, InputNumber, Tabs, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { useState } from 'react';
import type { PlanDetail } from '../../../api/types';
import { postFormWithProgress } from '../../../api/upload';
import type { UploadPhase } from '../../../api/upload';
import { showApiErrors } from '../../../components/form-errors';
import { useT } from '../../../i18n/i18n';
import { ImportProgress } from './import-progress';

const ACCEPTED = ['.txt', '.docx', '.xlsx'];
const MAX_BYTES = 20 * 1024 * 1024;

type Mode = 'paste' | 'upload';

interface SourceForm {
  text?: string;
  file?: UploadFile[];
  year?: number;
  title?: string;
}

/** Step 1: paste the plan's text or upload its file; the API parses it into a draft. */
export function ImportSourceForm({ onImported }: { onImported: (plan: PlanDetail) => void }) {
  const t = useT();
  const [form] = Form.useForm<SourceForm>();
  const [mode, setMode] = useState<Mode>('upload');
  const [progress, setProgress] = useState<{ phase: UploadPhase; percent: number } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (values: SourceForm) => {
    const body = new FormData();
    const file = values.file?.[0]?.originFileObj;
    if (mode === 'upload' && file) {
      body.append('file', file, file.name);
    } else if (values.text) {
      body.append('text', values.text);
    }
    if (values.year) {
      body.append('year', String(values.year));
    }
    if (values.title?.trim()) {
      body.append('title', values.title.trim());
    }
    setProblem(null);
    setProgress({ phase: 'uploading', percent: 0 });
    try {
      const plan = await postFormWithProgress<PlanDetail>('/api/plans/import', body, (phase, percent) =>
        setProgress({ phase, percent }),
      );
      onImported(plan);
    } catch (error) {
      setProblem(showApiErrors(form, error, ['text', 'file', 'year', 'title']));
    } finally {
      setProgress(null);
    }
  };

  const validateFile = (_: unknown, files: UploadFile[] | undefined) => {
    const file = files?.[0];
    if (mode !== 'upload') {
      return Promise.resolve();
    }
    if (!file) {
      return Promise.reject(new Error(t('import.fileRequired')));
    }
    if (!ACCEPTED.some((ext) => file.name.toLowerCase().endsWith(ext))) {
      return Promise.reject(new Error(t('import.fileType')));
    }
    if ((file.size ?? 0) > MAX_BYTES) {
      return Promise.reject(new Error(t('import.fileTooLarge')));
    }
    return Promise.resolve();
  };

  const sourceTabs = [
    {
      key: 'upload',
      label: t('import.modeUpload'),
      children: (
        <Form.Item
          label={t('import.file')}
          name="file"
          valuePropName="fileList"
          getValueFromEvent={(event: { fileList: UploadFile[] }) => event.fileList.slice(-1)}
          rules={[{ validator: validateFile }]}
          extra={t('import.fileHint')}
        >
          <Upload.Dragger accept={ACCEPTED.join(',')} beforeUpload={() => false} maxCount={1}>
            <p className="ant-upload-drag-icon">
              <InboxOutlined aria-hidden />
            </p>
            <p>{t('import.dropHere')}</p>
          </Upload.Dragger>
        </Form.Item>
      ),
    },
    {
      key: 'paste',
      label: t('import.modePaste'),
      children: (
        <Form.Item
          label={t('import.text')}
          name="text"
          rules={[{ required: mode === 'paste', whitespace: true, message: t('import.textRequired') }]}
        >
          <Input.TextArea rows={12} placeholder={t('import.textPlaceholder')} />
        </Form.Item>
      ),
    },
  ];

  return (
    <Form form={form} name="import" layout="vertical" onFinish={submit} disabled={progress !== null}>
      {problem && <Alert type="error" showIcon title={problem} className="form-alert" />}
      <Tabs activeKey={mode} onChange={(key) => setMode(key as Mode)} items={sourceTabs} />
      <div className="form-row">
        <Form.Item label={t('import.year')} name="year" extra={t('import.yearHint')}>
          <InputNumber min={2000} max={2100} precision={0} />
        </Form.Item>
        <Form.Item label={t('import.planTitle')} name="title" extra={t('import.titleHint')} className="form-row-grow">
          <Input maxLength={200} />
        </Form.Item>
      </div>
      {progress ? (
        <ImportProgress phase={progress.phase} percent={progress.percent} />
      ) : (
        <Button type="primary" htmlType="submit">
          {t('import.submit')}
        </Button>
      )}
    </Form>
  );
}
