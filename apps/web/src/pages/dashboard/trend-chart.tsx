import { BarChart, LineChart } from 'echarts/charts';
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import * as echarts from 'echarts/core';
import type { ComposeOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useT } from '../../i18n/i18n';
import { periodLabel } from './dashboard-format';
import type { TrendPoint } from './dashboard-types';

// Only what this chart draws, so the chunk stays small.
echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

type TrendOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption
>;

/** Colours of the report states, matching the tags; the series also differ by name and (for the rate) by shape. */
const COLOURS = { onTime: '#389e0d', late: '#d48806', missing: '#cf1322', rate: '#1f5fbf' };

/**
 * 月度趋势 (the section beside it lists the same figures as a table for screen readers): stacked bars of each month's reports (on time, late, missing) and a line of the on-time rate. Loaded
 * on its own (React.lazy), so echarts is fetched only by the dashboard.
 */
export default function TrendChart({ points, label }: { points: TrendPoint[]; label: string }) {
  const t = useT();
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const element = container.current;
    if (!element) {
      return undefined;
    }
    const instance = echarts.init(element, undefined, { renderer: 'canvas' });
    chart.current = instance;
    // The container, not the window: it also narrows when the menu collapses or the screen turns.
    const resizing = new ResizeObserver(() => instance.resize());
    resizing.observe(element);
    return () => {
      resizing.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const bar = (name: string, color: string, data: number[]): BarSeriesOption => ({
      type: 'bar',
      name,
      stack: 'reports',
      yAxisIndex: 0,
      itemStyle: { color },
      barMaxWidth: 36,
      data,
    });
    const option: TrendOption = {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: points.map((p) => periodLabel(t, p.period)) },
      yAxis: [
        { type: 'value', name: t('dashboard.trend.reports'), minInterval: 1 },
        { type: 'value', name: t('dashboard.onTimeRate'), min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      ],
      series: [
        bar(
          t('dashboard.state.on_time'),
          COLOURS.onTime,
          points.map((p) => p.counts.onTime),
        ),
        bar(
          t('dashboard.state.late'),
          COLOURS.late,
          points.map((p) => p.counts.late),
        ),
        bar(
          t('dashboard.state.missing'),
          COLOURS.missing,
          points.map((p) => p.counts.missing),
        ),
        {
          type: 'line',
          name: t('dashboard.onTimeRate'),
          yAxisIndex: 1,
          symbol: 'diamond',
          symbolSize: 9,
          connectNulls: false,
          itemStyle: { color: COLOURS.rate },
          lineStyle: { width: 2 },
          tooltip: { valueFormatter: (value) => (value === null || value === undefined ? '—' : `${String(value)}%`) },
          data: points.map((p) => (p.onTimeRate === null ? null : Math.round(p.onTimeRate * 1000) / 10)),
        },
      ],
    };
    chart.current?.setOption(option, { notMerge: true });
  }, [points, t]);

  return <div ref={container} className="trend-chart" role="img" aria-label={label} />;
}
