import {
  CheckCircleOutlined,
  ClockCircleOutlined,
  CloseCircleOutlined,
  ExclamationCircleOutlined,
  MinusCircleOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { Tag } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages';
import type { Light, OverdueStep, ReportState } from './dashboard-types';

interface Look {
  color: string;
  icon: ReactNode;
  label: MessageKey;
}

/** Every light carries its word and its own icon, so it reads without colour (and in greyscale print). */
export const LIGHT_LOOK: Record<Light, Look> = {
  green: { color: 'success', icon: <CheckCircleOutlined aria-hidden />, label: 'dashboard.light.green' },
  yellow: { color: 'warning', icon: <ExclamationCircleOutlined aria-hidden />, label: 'dashboard.light.yellow' },
  red: { color: 'error', icon: <CloseCircleOutlined aria-hidden />, label: 'dashboard.light.red' },
};

export const LIGHT_SEVERITY: Record<Light, number> = { red: 0, yellow: 1, green: 2 };

export function LightTag({ light }: { light: Light }) {
  const t = useT();
  const look = LIGHT_LOOK[light];
  return (
    <Tag color={look.color} icon={look.icon} className="light-tag">
      {t(look.label)}
    </Tag>
  );
}

export const STATE_LOOK: Record<ReportState, Look> = {
  on_time: { color: 'success', icon: <CheckCircleOutlined aria-hidden />, label: 'dashboard.state.on_time' },
  late: { color: 'warning', icon: <ClockCircleOutlined aria-hidden />, label: 'dashboard.state.late' },
  missing: { color: 'error', icon: <CloseCircleOutlined aria-hidden />, label: 'dashboard.state.missing' },
  nothing_to_report: {
    color: 'default',
    icon: <MinusCircleOutlined aria-hidden />,
    label: 'dashboard.state.nothing_to_report',
  },
  not_due: { color: 'processing', icon: <ClockCircleOutlined aria-hidden />, label: 'dashboard.state.not_due' },
};

export function ReportStateTag({ state }: { state: ReportState }) {
  const t = useT();
  const look = STATE_LOOK[state];
  return (
    <Tag color={look.color} icon={look.icon} className="state-tag">
      {t(look.label)}
    </Tag>
  );
}

const STEP_COLOR: Record<OverdueStep, string> = {
  none: 'default',
  yellow: 'gold',
  red: 'red',
  supervision: 'volcano',
  interview: 'magenta',
};

/** The furthest step of the ladder taken on an overdue report. */
export function OverdueStepTag({ step }: { step: OverdueStep }) {
  const t = useT();
  return (
    <Tag color={STEP_COLOR[step]} icon={step === 'none' ? undefined : <WarningOutlined aria-hidden />}>
      {t(`dashboard.step.${step}`)}
    </Tag>
  );
}
