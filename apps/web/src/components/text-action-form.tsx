import { Alert, Button, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { showApiErrors } from './form-errors';
import { useT } from '../i18n/i18n';

export interface TextActionValues {
  text?: string;
  refs?: string[];
}

interface Props {
  /** The form's name; field ids derive from it. */
  name: string;
  /** The API's names for the text and (optional) reference list, so its refusals land on these fields. */
  textField: string;
  refsField?: string;
  label: string;
  required?: string;
  refsLabel?: string;
  submitLabel: string;
  danger?: boolean;
  onSubmit: (values: { text: string; refs: string[] }) => Promise<void>;
}

/** One text (and optionally a list of document references) and one button: minutes, follow-up, closing, cancelling. */
export function TextActionForm(props: Props) {
  const t = useT();
  const [form] = Form.useForm<TextActionValues>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (values: TextActionValues) => {
    setBusy(true);
    setProblem(null);
    try {
      await props.onSubmit({ text: values.text?.trim() ?? '', refs: values.refs ?? [] });
      form.resetFields();
    } catch (error) {
      const toField = (apiName: string) =>
        apiName === props.textField ? 'text' : apiName === props.refsField ? 'refs' : undefined;
      setProblem(showApiErrors(form, error, toField));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form<TextActionValues> form={form} name={props.name} layout="vertical" onFinish={submit}>
      {problem && <Alert type="error" showIcon className="form-alert" title={problem} />}
      <Form.Item
        label={props.label}
        name="text"
        rules={[{ required: Boolean(props.required), whitespace: true, message: props.required }]}
      >
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} maxLength={20000} />
      </Form.Item>
      {props.refsField && (
        <Form.Item label={props.refsLabel} name="refs" extra={t('case.attachmentRefsHint')}>
          <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={['，', ',']} />
        </Form.Item>
      )}
      <Button type="primary" danger={props.danger} htmlType="submit" loading={busy}>
        {props.submitLabel}
      </Button>
    </Form>
  );
}
