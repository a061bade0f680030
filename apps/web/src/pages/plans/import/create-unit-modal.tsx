import { Alert, Form, Input, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { api, unwrap } from '../../../api/client';
import type { Unit } from '../../../api/types';
import { showApiErrors } from '../../../components/form-errors';
import { useT } from '../../../i18n/i18n';

interface NewUnitForm {
  name: string;
  shortName?: string;
  kind: 'department' | 'government';
}

interface Props {
  open: boolean;
  rawName: string;
  government: Unit | undefined;
  onCreated: (unit: Unit) => void;
  onCancel: () => void;
}

/** Creates a unit the plan names but the system lacks, under the plan's government. */
export function CreateUnitModal({ open, rawName, government, onCreated, onCancel }: Props) {
  const t = useT();
  const [form] = Form.useForm<NewUnitForm>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (open) {
      setProblem(null);
      form.setFieldsValue({ name: rawName, shortName: rawName, kind: 'department' });
    }
  }, [open, rawName, form]);

  const submit = async (values: NewUnitForm) => {
    if (!government) {
      return;
    }
    setSaving(true);
    setProblem(null);
    try {
      const unit = await unwrap(
        api.POST('/api/units', {
          body: {
            parentId: government.id,
            level: government.level,
            kind: values.kind,
            name: values.name.trim(),
            shortName: values.shortName?.trim() || undefined,
          },
        }),
      );
      onCreated(unit);
    } catch (error) {
      setProblem(showApiErrors(form, error, ['name', 'shortName', 'kind']));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('unit.createTitle', { name: rawName })}
      okText={t('unit.createAndMap')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
    >
      {problem && <Alert type="error" showIcon title={problem} className="form-alert" />}
      <Form form={form} name="create-unit" layout="vertical" onFinish={submit}>
        <Form.Item label={t('unit.parent')}>
          <Input value={government?.name} disabled />
        </Form.Item>
        <Form.Item
          label={t('unit.name')}
          name="name"
          extra={t('unit.nameHint')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 100 }]}
        >
          <Input />
        </Form.Item>
        <Form.Item label={t('unit.shortName')} name="shortName" rules={[{ max: 50 }]}>
          <Input />
        </Form.Item>
        <Form.Item label={t('unit.kind')} name="kind">
          <Select
            options={[
              { value: 'department', label: t('unit.kind.department') },
              { value: 'government', label: t('unit.kind.government') },
            ]}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
