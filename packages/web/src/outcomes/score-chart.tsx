import * as Plot from '@observablehq/plot';
import { useEffect, useRef } from 'react';
import type { PersonMeasure } from './outcome-types.ts';

export interface ChartPoint {
  date: Date;
  score: string;
  value: number;
}

/** Each score of one instrument's measures as a point in time, for the chart. */
export function chartPoints(measures: readonly PersonMeasure[]): ChartPoint[] {
  return measures.flatMap((m) => m.scores.map((s) => ({ date: new Date(m.authored), score: s.label, value: s.value })));
}

/**
 * One instrument's scores over time, drawn by Observable Plot as an SVG image with an accessible
 * name; the numbers themselves are in the table beside it, which screen readers read instead.
 */
export function ScoreChart({ label, points, min, max }: { label: string; points: ChartPoint[]; min: number; max: number }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const container = ref.current;
    if (!container) return;
    const several = new Set(points.map((p) => p.score)).size > 1;
    const chart = Plot.plot({
      width: Math.max(280, Math.min(640, container.clientWidth || 640)),
      height: 220,
      marginLeft: 40,
      marginBottom: 40,
      style: { fontSize: '14px', background: 'transparent' },
      x: { type: 'utc', label: null, ticks: 4 },
      y: { domain: [min, max], label: null, grid: true },
      color: { legend: several, range: ['#005eb8', '#d5281b'] },
      marks: [
        Plot.lineY(points, { x: 'date', y: 'value', stroke: 'score', strokeWidth: 2 }),
        Plot.dot(points, { x: 'date', y: 'value', stroke: 'score', fill: 'score', r: 4 }),
      ],
    });
    const svgs = chart instanceof SVGSVGElement ? [chart] : [...chart.querySelectorAll('svg')];
    // Only the plot itself is the image; legend swatches say nothing the table does not.
    svgs.forEach((svg, i) => {
      if (i === svgs.length - 1) {
        svg.setAttribute('role', 'img');
        svg.setAttribute('aria-label', label);
        // Plot names its marks and axes; inside an image they would be names on nothing.
        svg.querySelectorAll('[aria-label], [aria-description]').forEach((el) => {
          el.removeAttribute('aria-label');
          el.removeAttribute('aria-description');
        });
      } else svg.setAttribute('aria-hidden', 'true');
    });
    container.replaceChildren(chart);
    return () => container.replaceChildren();
  }, [label, points, min, max]);
  return <div ref={ref} className="app-score-chart" />;
}
