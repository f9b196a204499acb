import { characteristics, countText, dataAtText, rateText, ratioText, responseTimesText, type BoardDashboard, type BoardFigure, type BoardTileFigures, type RateScale } from '@continuity/domain';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The board pack for a terminal: one line per tile with its figure and the standard it is read against. */
export function describeBoard(board: BoardDashboard): string {
  return [
    `Board dashboard as of ${board.asOf}. ${dataAtText(board.dataAt)}`,
    ...board.tiles.map((t) => `${t.tile.title}: ${rateText(t.figure.rate, t.tile.scale)} (${t.figure.numerator.toLocaleString('en-GB')} of ${t.figure.denominator.toLocaleString('en-GB')} ${t.tile.counts})${t.tile.standard ? `. Standard: ${t.tile.standard}` : ''}.${t.responseTimes ? ` ${responseTimesText(t.responseTimes)}` : ''}`),
  ].join('\n');
}

/**
 * The trend as a small inline SVG line chart, hand-drawn: no DOM is installed for Observable Plot to
 * render into on a server. Labelled for screen readers; the table beside it is its text alternative.
 */
function trendSvg(id: string, title: string, points: readonly BoardFigure[], scale: RateScale): string {
  const width = 480;
  const height = 140;
  const pad = { left: 56, right: 12, top: 12, bottom: 28 };
  const value = (p: BoardFigure) => (p.rate === null ? null : scale === 'percent' ? p.rate * 100 : p.rate * 100_000);
  const values = points.map(value).filter((v): v is number => v !== null);
  const top = Math.max(...values, 1) * 1.1;
  const x = (i: number) => pad.left + (i * (width - pad.left - pad.right)) / Math.max(points.length - 1, 1);
  const y = (v: number) => height - pad.bottom - (v / top) * (height - pad.top - pad.bottom);
  const drawn = points.map((p, i) => ({ i, v: value(p), p })).filter((d): d is { i: number; v: number; p: BoardFigure } => d.v !== null);
  const path = drawn.map((d, k) => `${k === 0 ? 'M' : 'L'}${x(d.i).toFixed(1)},${y(d.v).toFixed(1)}`).join(' ');
  // Per-100,000 axes carry bare numbers: the tile's figure says per 100,000 beside the chart.
  const suffix = scale === 'percent' ? '%' : '';
  return `<svg role="img" aria-labelledby="${id}-title" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" xmlns="http://www.w3.org/2000/svg">
<title id="${id}-title">${escape(`${title}: trend over 12 month ends, from ${rateText(points[0]?.rate ?? null, scale)} on ${points[0]?.asOf} to ${rateText(points.at(-1)?.rate ?? null, scale)} on ${points.at(-1)?.asOf}`)}</title>
<line x1="${pad.left}" y1="${height - pad.bottom}" x2="${width - pad.right}" y2="${height - pad.bottom}" stroke="#4c6272"/>
<line x1="${pad.left}" y1="${pad.top}" x2="${pad.left}" y2="${height - pad.bottom}" stroke="#4c6272"/>
<text x="${pad.left - 6}" y="${y(0) + 4}" text-anchor="end" font-size="11">0${suffix}</text>
<text x="${pad.left - 6}" y="${y(top / 1.1) + 4}" text-anchor="end" font-size="11">${(top / 1.1).toFixed(0)}${suffix}</text>
${points.map((p, i) => (i % 3 === 2 || i === points.length - 1 ? `<text x="${x(i).toFixed(1)}" y="${height - 10}" text-anchor="${i === points.length - 1 ? 'end' : 'middle'}" font-size="11">${p.asOf.slice(0, 7)}</text>` : '')).join('')}
<path d="${path}" fill="none" stroke="#005eb8" stroke-width="2"/>
${drawn.map((d) => `<circle cx="${x(d.i).toFixed(1)}" cy="${y(d.v).toFixed(1)}" r="3" fill="#005eb8"/>`).join('')}
</svg>`;
}

const row = (cells: readonly string[], header = false) => `<tr>${cells.map((c) => (header ? `<th scope="col">${c}</th>` : `<td>${c}</td>`)).join('')}</tr>`;

function tileSection(t: BoardTileFigures): string {
  const { tile, figure } = t;
  const ethnicity = t.breakdowns.find((b) => b.characteristic === 'ethnicity')!;
  const parts = [
    `<section><h2 id="${tile.key}">${escape(tile.title)}</h2>`,
    `<p class="figure"><strong>${rateText(figure.rate, tile.scale)}</strong> — ${figure.numerator.toLocaleString('en-GB')} of ${figure.denominator.toLocaleString('en-GB')} ${escape(tile.counts)}</p>`,
    `<p>Numerator: ${escape(tile.numerator)}. Denominator: ${escape(tile.denominator)}.${tile.standard ? ` Standard: ${escape(tile.standard)}.` : ''} Source: ${escape(tile.sources.map((s) => s.source).join('; '))}.</p>`,
  ];
  if (t.responseTimes) parts.push(`<p>${escape(responseTimesText(t.responseTimes))}</p>`);
  if (t.trend) {
    parts.push(trendSvg(`trend-${tile.key}`, tile.title, t.trend, tile.scale));
    parts.push(`<table><caption>${escape(tile.title)}: figure at each month end</caption><thead>${row(['Month end', 'Figure', 'Numerator', 'Denominator'], true)}</thead><tbody>${t.trend.map((p) => row([p.asOf, rateText(p.rate, tile.scale), p.numerator.toLocaleString('en-GB'), p.denominator.toLocaleString('en-GB')])).join('')}</tbody></table>`);
  } else {
    parts.push('<p>No trend for this figure.</p>');
  }
  if (t.caseloads) {
    parts.push(`<table><caption>People held per team</caption><thead>${row(['Team', 'People'], true)}</thead><tbody>${t.caseloads.teams.map((c) => row([escape(c.team), String(c.people)])).join('')}</tbody></table>`);
    parts.push(`<table><caption>People allocated per key worker</caption><thead>${row(['Key worker', 'Team', 'People'], true)}</thead><tbody>${t.caseloads.keyWorkers.map((k) => row([escape(k.name), escape(k.team), String(k.people)])).join('')}</tbody></table>`);
  }
  parts.push(
    `<table><caption>${escape(tile.title)} by ethnicity (reference: ${escape(ethnicity.reference ?? 'none')})</caption><thead>${row(['Group', 'Denominator', 'Numerator', 'Rate', 'Rate ratio (95% CI)'], true)}</thead><tbody>${ethnicity.rows
      .map((r) => row([escape(r.group) + (r.reference ? ' (reference)' : ''), countText(r.denominator), countText(r.numerator), r.rate === null ? 'withheld' : rateText(r.rate, tile.scale), r.reference ? '1.00' : ratioText(r.rateRatio)]))
      .join('')}${row(['Not recorded', countText(ethnicity.notRecorded.denominator), countText(ethnicity.notRecorded.numerator), ethnicity.notRecorded.rate === null ? 'withheld' : rateText(ethnicity.notRecorded.rate, tile.scale), ''])}</tbody></table>`,
  );
  parts.push(
    `<p>Recording complete: ${t.breakdowns.map((b) => (b.unavailable ? `${escape(b.label)} not available` : `${escape(b.label)} ${b.completeness.share === null ? 'none to count' : `${(b.completeness.share * 100).toFixed(1)}%`}`)).join('; ')}.</p></section>`,
  );
  return parts.join('\n');
}

/** The board pack as one self-contained HTML document: no scripts, no external files, charts as inline SVG. */
export function boardPackHtml(board: BoardDashboard): string {
  const deprivation = characteristics.find((c) => c.key === 'deprivation')?.unavailable ?? '';
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>Board pack: community mental health, as of ${board.asOf}</title>
<style>body{font-family:Arial,sans-serif;color:#212b32;margin:2rem;max-width:60rem}h1{font-size:1.8rem}h2{font-size:1.3rem;margin-top:2rem;border-top:2px solid #005eb8;padding-top:.5rem}.figure{font-size:1.2rem}table{border-collapse:collapse;margin:.5rem 0 1rem;font-size:.85rem}caption{text-align:left;font-weight:bold;padding:.25rem 0}th,td{border:1px solid #d8dde0;padding:.2rem .5rem;text-align:left}section{break-inside:avoid-page}</style>
</head><body>
<h1>Board pack: community mental health, as of ${board.asOf}</h1>
<p>${escape(dataAtText(board.dataAt))} Every figure is the same as the board dashboard in Continuity (/board) for the same day. Breakdowns withhold counts from 1 to 4, and a second count where the first could be worked out from a total; rate ratios are against the reference group with 95% confidence intervals by the log method (Katz et al. 1978). ${escape(deprivation)}</p>
${board.tiles.map(tileSection).join('\n')}
</body></html>
`;
}
