import { CalculatorOutlined, LockOutlined, NotificationOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Space, Typography } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { asApiError } from '../../api/errors';
import { useT } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages';
import type { RunSummary } from './assessment-types';

type Step = 'compute' | 'release' | 'publish';

const STEPS: Record<Step, { confirm: MessageKey; content: MessageKey; done: MessageKey }> = {
  compute: {
    confirm: 'assessment.computeConfirm',
    content: 'assessment.computeConfirmText',
    done: 'assessment.computed',
  },
  release: {
    confirm: 'assessment.releaseConfirm',
    content: 'assessment.releaseConfirmText',
    done: 'assessment.released',
  },
  publish: {
    confirm: 'assessment.publishConfirm',
    content: 'assessment.publishConfirmText',
    done: 'assessment.publishedDone',
  },
};

/**
 * The office's next step on a run, each confirmed first: recompute or release a draft (opening the appeal window),
 * publish once the window closed and every appeal is decided. A refusal shows the API's reason.
 */
export function RunActions({ run, onChanged }: { run: RunSummary; onChanged: () => void }) {
  const t = useT();
  const { message, modal } = App.useApp();
  const [busy, setBusy] = useState<Step | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const perform = async (step: Step) => {
    setBusy(step);
    setProblem(null);
    const path = { params: { path: { id: run.id } } };
    try {
      if (step === 'compute') {
        await unwrap(api.POST('/api/assessment/runs/{id}/compute', path));
      } else if (step === 'release') {
        await unwrap(api.POST('/api/assessment/runs/{id}/release', path));
      } else {
        await unwrap(api.POST('/api/assessment/runs/{id}/publish', path));
      }
      void message.success(t(STEPS[step].done));
      onChanged();
    } catch (error) {
      setProblem(asApiError(error).message);
    } finally {
      setBusy(null);
    }
  };

  const ask = (step: Step) => {
    modal.confirm({
      title: t(STEPS[step].confirm),
      content: t(STEPS[step].content),
      okText: t(STEPS[step].confirm),
      cancelText: t('common.cancel'),
      onOk: () => perform(step),
    });
  };

  return (
    <Card className="page-section" size="small">
      {problem && <Alert type="error" showIcon className="form-alert" title={problem} />}
      {run.status === 'draft' && (
        <Space wrap>
          <Typography.Text>{t('assessment.draftHint')}</Typography.Text>
          <Button icon={<CalculatorOutlined aria-hidden />} loading={busy === 'compute'} onClick={() => ask('compute')}>
            {t('assessment.compute')}
          </Button>
          <Button
            type="primary"
            icon={<NotificationOutlined aria-hidden />}
            loading={busy === 'release'}
            onClick={() => ask('release')}
          >
            {t('assessment.release')}
          </Button>
        </Space>
      )}
      {run.status === 'released' && (
        <Space wrap>
          <Typography.Text>
            {run.appealWindowOpen ? t('assessment.releasedHintOpen') : t('assessment.releasedHintClosed')}
          </Typography.Text>
          <Button
            type="primary"
            icon={<LockOutlined aria-hidden />}
            loading={busy === 'publish'}
            onClick={() => ask('publish')}
          >
            {t('assessment.publish')}
          </Button>
        </Space>
      )}
      {run.status === 'published' && <Typography.Text>{t('assessment.publishedHint')}</Typography.Text>}
    </Card>
  );
}
