import * as Plot from '@observablehq/plot';
import { useEffect, useRef } from 'react';
import type { BoardFigure } from '../../../domain/src/board/board-dashboard.ts';
import type { RateScale } from '../../../domain/src/board/board-tiles.ts';
import { rateText } from '../../../domain/src/board/board-words.ts';

/**
 * A tile's figure at each month end, drawn small by Observable Plot as an image with an accessible
 * name that says where it went from and to; the figures themselves are in the table that follows it.
 */
export function TrendChart({ title, points, scale }: { title: string; points: readonly BoardFigure[]; scale: RateScale }) {
  const ref = useRef<HTMLDivElement>(null);
  const first = points[0];
  const last = points.at(-1);
  const label = `${title}: trend at month ends, from ${rateText(first?.rate ?? null, scale)} on ${first?.asOf} to ${rateText(last?.rate ?? null, scale)} on ${last?.asOf}`;
  useEffect(() => {
    const container = ref.current;
    if (!container) return;
    const data = points.filter((p) => p.rate !== null).map((p) => ({ date: new Date(`${p.asOf}T00:00:00Z`), value: scale === 'percent' ? p.rate! * 100 : p.rate! * 100_000 }));
    const chart = Plot.plot({
      width: Math.max(240, Math.min(420, container.clientWidth || 420)),
      height: 120,
      marginLeft: 48,
      style: { fontSize: '12px', background: 'transparent' },
      // The whole 12 months, even where early points have nothing to count.
      x: { type: 'utc', label: null, ticks: 3, domain: [new Date(`${points[0]!.asOf}T00:00:00Z`), new Date(`${points.at(-1)!.asOf}T00:00:00Z`)] },
      y: { label: scale === 'percent' ? '%' : 'per 100,000', grid: true, zero: true },
      marks: [Plot.lineY(data, { x: 'date', y: 'value', stroke: '#005eb8', strokeWidth: 2 }), Plot.dot(data, { x: 'date', y: 'value', fill: '#005eb8', r: 3 })],
    });
    chart.setAttribute('role', 'img');
    chart.setAttribute('aria-label', label);
    // Plot names its marks and axes; inside an image they would be names on nothing.
    chart.querySelectorAll('[aria-label], [aria-description]').forEach((el) => {
      el.removeAttribute('aria-label');
      el.removeAttribute('aria-description');
    });
    container.replaceChildren(chart);
    return () => container.replaceChildren();
  }, [label, points, scale]);
  return <div ref={ref} className="app-trend-chart" />;
}
