import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface ChartSeries {
  label: string;
  values: Array<number | null>;
  color: string;
}

interface Props {
  /** Accessible name: what the chart shows. */
  title: string;
  /** Epoch seconds, ascending. */
  times: number[];
  series: ChartSeries[];
  unit?: string;
  height?: number;
  /** A shaded window [fromSec, toSec], e.g. where a detector fired. */
  band?: [number, number];
}

/** A uPlot time series; the fixed-height box is reserved before data arrives so nothing moves. */
export function TimeChart({ title, times, series, unit = '', height = 180, band }: Props) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el || !times.length) return;
    const width = Math.max(280, el.clientWidth);
    const bandHook = band
      ? [
          (u: uPlot) => {
            const x0 = u.valToPos(band[0], 'x', true);
            const x1 = u.valToPos(band[1], 'x', true);
            u.ctx.save();
            u.ctx.fillStyle = 'rgba(180, 35, 24, 0.10)';
            u.ctx.fillRect(x0, u.bbox.top, Math.max(2, x1 - x0), u.bbox.height);
            u.ctx.restore();
          },
        ]
      : [];
    const plot = new uPlot(
      {
        width,
        height,
        legend: { show: true },
        cursor: { drag: { x: true, y: false } },
        scales: { x: { time: true } },
        axes: [{ stroke: '#4a5261', grid: { stroke: '#e5e7eb' } }, { stroke: '#4a5261', size: 72, grid: { stroke: '#e5e7eb' }, values: (_u, v) => v.map((x) => `${fmt(x)}${unit}`) }],
        series: [{}, ...series.map((s) => ({ label: s.label, stroke: s.color, width: 2, spanGaps: false, value: (_u: uPlot, v: number | null) => (v == null ? '—' : `${fmt(v)}${unit}`) }))],
        hooks: { drawClear: bandHook },
      },
      [times, ...series.map((s) => s.values)] as uPlot.AlignedData,
      el,
    );
    const ro = new ResizeObserver(() => plot.setSize({ width: Math.max(280, el.clientWidth), height }));
    ro.observe(el);
    return () => {
      ro.disconnect();
      plot.destroy();
    };
  }, [times, series, unit, height, band]);
  return (
    <figure className="chart" aria-label={title} style={{ minHeight: height + 40 }}>
      <figcaption>{title}</figcaption>
      <div ref={box} role="img" aria-label={`${title}: ${summary(series, unit)}`} />
      {!times.length && <p className="muted">No data points in this window.</p>}
    </figure>
  );
}

function fmt(v: number): string {
  if (Math.abs(v) >= 1000) return `${Math.round(v / 100) / 10}k`;
  if (Math.abs(v) >= 10) return String(Math.round(v));
  return String(Math.round(v * 100) / 100);
}

function summary(series: ChartSeries[], unit: string): string {
  return series
    .map((s) => {
      const vals = s.values.filter((v): v is number => v != null);
      if (!vals.length) return `${s.label}: no data`;
      return `${s.label} from ${fmt(Math.min(...vals))}${unit} to ${fmt(Math.max(...vals))}${unit}, latest ${fmt(vals[vals.length - 1]!)}${unit}`;
    })
    .join('; ');
}
