// Overlaid mean learning curves of a comparison: AUROC x100 against labels, one line per configuration, +-std band and bars.
import { plainText } from '../plots/text';
import { baseLayout, type Figure, type Trace } from '../plots/figure';
import { RUN_COLOURS } from '../plots/palette';
import type { TableRow } from './table';

export const COMPARE_EXPLAIN = 'Mean AUROC x100 over the seeds after each round, against the labels given; the band and bars span +-1 standard deviation.';

/** '#0072B2' -> 'rgba(0,114,178,a)' for the band fill */
export function fade(hex: string, alpha: number): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255},${alpha})`;
}

export function compareFigure(rows: TableRow[]): Figure {
  const data: Trace[] = [];
  rows.forEach((row, k) => {
    const label = plainText(row.label);
    const color = RUN_COLOURS[k % RUN_COLOURS.length]!;
    const pts = row.stages.filter((s) => s.auroc !== null);
    const x = pts.map((s) => s.labels);
    const mean = pts.map((s) => s.auroc!.mean);
    const std = pts.map((s) => s.auroc!.std);
    // the band: upper edge left to right, lower edge back, filled; drawn first so the line sits on top
    data.push({
      type: 'scatter', mode: 'lines', meta: `band:${row.key}`, name: `${label} +-std`, showlegend: false, hoverinfo: 'skip',
      x: [...x, ...[...x].reverse()],
      y: [...mean.map((m, i) => m + std[i]!), ...mean.map((m, i) => m - std[i]!).reverse()],
      fill: 'toself', fillcolor: fade(color, 0.15), line: { width: 0, color },
    });
    data.push({
      type: 'scatter', mode: 'lines+markers', meta: `mean:${row.key}`, name: `${label} (${row.seeds.length} seeds)`,
      x, y: mean,
      customdata: pts.map((s) => [s.stage, s.auroc!.std]),
      error_y: { type: 'data', array: std, visible: true, color, thickness: 1.5, width: 5 },
      hovertemplate: `${label}<br>stage %{customdata[0]}, %{x} labels<br>AUROC x100 %{y:.2f} +- %{customdata[1]:.1f}<extra></extra>`,
      line: { color, width: 3 }, marker: { size: 9, color },
    });
  });
  const layout = baseLayout('Compare strategies: mean learning curves', 'labels given', 'AUROC x100', {
    yaxis: { title: { text: 'AUROC x100' }, zeroline: false },
    xaxis: { title: { text: 'labels given' }, rangemode: 'tozero', zeroline: false },
    uirevision: undefined,
  });
  return { data, layout };
}
