import { svg, type SVGTemplateResult } from 'lit';
import type { Locale, Msg } from '../../src/i18n/locale.ts';
import { Dec, ZERO } from '../../src/money/decimal.ts';
import { formatMoney } from '../../src/money/format.ts';

/*
 * Stacked horizontal bars, one per scenario, one segment per domain, drawn as plain SVG. Widths are
 * the only place amounts become floats, and only for drawing; every figure a reader sees comes from
 * the Decimal values. Segments carry a pattern as well as a colour, and a <title>.
 */

export interface ChartSeries {
  label: Msg;
  values: Dec[];
}

export const CHART_WIDTH = 640;
/* Each scenario's name sits on its own line above its bar, so a long name is never cut off. */
const LABEL_H = 18;
const BAR_H = 28;
const GAP = 14;
const ROW_H = LABEL_H + BAR_H + GAP;
const BAR_W = CHART_WIDTH - 2;

export const PALETTE = ['#0b5cad', '#b45309', '#15803d', '#7e22ce', '#be123c', '#0e7490', '#4d7c0f', '#a16207'];
const PATTERNS = ['none', 'dots', 'lines', 'cross'] as const;

export function patternOf(index: number): (typeof PATTERNS)[number] {
  return PATTERNS[index % PATTERNS.length]!;
}

export const colourOf = (index: number): string => PALETTE[index % PALETTE.length]!;

function defs(): SVGTemplateResult {
  return svg`<defs>
    <pattern id="p-dots" width="6" height="6" patternUnits="userSpaceOnUse"><circle cx="3" cy="3" r="1.2" fill="#fff" fill-opacity="0.8"/></pattern>
    <pattern id="p-lines" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="2" height="6" fill="#fff" fill-opacity="0.7"/></pattern>
    <pattern id="p-cross" width="6" height="6" patternUnits="userSpaceOnUse"><path d="M0 3h6M3 0v6" stroke="#fff" stroke-opacity="0.7"/></pattern>
  </defs>`;
}

/** Total per scenario: the sum of its domain amounts. */
export function totals(series: readonly ChartSeries[], scenarios: number): Dec[] {
  const sums = Array.from({ length: scenarios }, () => ZERO);
  for (const s of series)
    s.values.forEach((v, i) => {
      sums[i] = sums[i]!.plus(v);
    });
  return sums;
}

export function chartHeight(scenarios: number): number {
  return scenarios * ROW_H + GAP;
}

export function stackedBars(
  names: readonly string[],
  series: readonly ChartSeries[],
  locale: Locale,
): SVGTemplateResult {
  const sums = totals(series, names.length);
  const max = sums.reduce((m, s) => (s.gt(m) ? s : m), ZERO);
  const width = (v: Dec) => (max.isZero() || v.lte(0) ? 0 : Number(v.div(max).times(BAR_W).toFixed(2)));
  return svg`${defs()}${names.map((name, i) => {
    const top = GAP + i * ROW_H;
    const y = top + LABEL_H;
    let x = 1;
    const segments = series.map((s, j) => {
      const w = width(s.values[i] ?? ZERO);
      const at = x;
      x += w;
      if (w === 0) return svg``;
      const pattern = patternOf(j);
      const title = `${name} · ${s.label[locale]}: ${formatMoney(s.values[i]!, locale)}`;
      return svg`<g class="segment" data-scenario=${i} data-series=${j}>
        <title>${title}</title>
        <rect x=${at} y=${y} width=${w} height=${BAR_H} fill=${colourOf(j)} stroke="#fff" stroke-width="1"/>
        ${pattern === 'none' ? svg`` : svg`<rect x=${at} y=${y} width=${w} height=${BAR_H} fill=${`url(#p-${pattern})`}/>`}
      </g>`;
    });
    return svg`<text x="1" y=${top + LABEL_H - 5} class="name">${name}</text>${segments}`;
  })}`;
}
