// Learning-curve figures for the report: mean AUROC x100 against labels with +-std bands, as SVG (and PNG via resvg).
import { Resvg } from '@resvg/resvg-js';
import type { TableRow } from '../src/engine/resultTable';

/** Okabe-Ito, colour-blind safe; the lab's learning-curve colours. */
export const COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#8C8C8C'];

export interface Figure {
  title: string;
  rows: TableRow[];
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const f1 = (v: number) => Number(v.toFixed(1)).toString();

/** Ticks every 1, 2, 5 or 10 x 10^k covering [lo, hi] with about five steps. */
export function niceTicks(lo: number, hi: number): number[] {
  const span = Math.max(hi - lo, 1e-9);
  const raw = span / 5;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw)!;
  const out: number[] = [];
  const end = Math.ceil(hi / step - 1e-9) * step;
  for (let v = Math.floor(lo / step) * step; v <= end + step * 1e-9; v += step) out.push(Number(v.toFixed(10)));
  return out;
}

/** One SVG: a line per configuration (mean), a band (+-std), markers at each stage; the legend below. */
export function curveSvg(fig: Figure, width = 900): string {
  const rows = fig.rows.filter((r) => r.stages.some((s) => s.auroc));
  const legendRows = rows.length;
  const m = { l: 70, r: 30, t: 50, b: 60 + 22 * legendRows };
  const plotH = 380;
  const height = m.t + plotH + m.b;
  const pts = rows.flatMap((r) => r.stages.filter((s) => s.auroc).map((s) => ({ x: s.labels, lo: s.auroc!.mean - s.auroc!.std, hi: s.auroc!.mean + s.auroc!.std })));
  const xMax = Math.max(1, ...pts.map((p) => p.x));
  // AUROC x100 lives in [0, 100]: the axis and the bands stop there
  const yT = niceTicks(Math.max(0, Math.min(...pts.map((p) => p.lo), 100)), Math.min(100, Math.max(...pts.map((p) => p.hi), 0)));
  const y0 = yT[0]!;
  const y1 = yT[yT.length - 1]!;
  const X = (x: number) => m.l + ((width - m.l - m.r) * x) / xMax;
  const Y = (y: number) => m.t + plotH - (plotH * (Math.min(y1, Math.max(y0, y)) - y0)) / Math.max(y1 - y0, 1e-9);
  const xs = [...new Set(pts.map((p) => p.x))].sort((a, b) => a - b);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="DejaVu Sans, Arial, sans-serif" font-size="13">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${width / 2}" y="28" text-anchor="middle" font-size="16" font-weight="bold">${esc(fig.title)}</text>`,
  ];
  for (const t of yT) out.push(`<line x1="${m.l}" x2="${width - m.r}" y1="${f1(Y(t))}" y2="${f1(Y(t))}" stroke="#e3e3e3"/><text x="${m.l - 8}" y="${f1(Y(t) + 4)}" text-anchor="end">${t}</text>`);
  // reference random queries repeat samples, so its label counts sit just below the others': one tick per 40 px
  let lastTick = -Infinity;
  for (const x of xs) {
    if (X(x) - lastTick < 40) continue;
    lastTick = X(x);
    out.push(`<text x="${f1(X(x))}" y="${m.t + plotH + 18}" text-anchor="middle">${Math.round(x)}</text>`);
  }
  out.push(`<line x1="${m.l}" x2="${width - m.r}" y1="${m.t + plotH}" y2="${m.t + plotH}" stroke="#444"/><line x1="${m.l}" x2="${m.l}" y1="${m.t}" y2="${m.t + plotH}" stroke="#444"/>`);
  out.push(`<text x="${(m.l + width - m.r) / 2}" y="${m.t + plotH + 38}" text-anchor="middle">labels given</text>`);
  out.push(`<text transform="translate(18 ${m.t + plotH / 2}) rotate(-90)" text-anchor="middle">AUROC x100 (mean +- std over seeds)</text>`);
  rows.forEach((r, k) => {
    const c = COLOURS[k % COLOURS.length]!;
    const s = r.stages.filter((t) => t.auroc);
    const upper = s.map((t) => `${f1(X(t.labels))},${f1(Y(t.auroc!.mean + t.auroc!.std))}`);
    const lower = s.map((t) => `${f1(X(t.labels))},${f1(Y(t.auroc!.mean - t.auroc!.std))}`).reverse();
    out.push(`<polygon class="band" points="${[...upper, ...lower].join(' ')}" fill="${c}" fill-opacity="0.13" stroke="none"/>`);
    out.push(`<polyline class="mean" points="${s.map((t) => `${f1(X(t.labels))},${f1(Y(t.auroc!.mean))}`).join(' ')}" fill="none" stroke="${c}" stroke-width="2.5"${k >= COLOURS.length ? ' stroke-dasharray="6 3"' : ''}/>`);
    for (const t of s) out.push(`<circle cx="${f1(X(t.labels))}" cy="${f1(Y(t.auroc!.mean))}" r="3.5" fill="${c}"/>`);
    const lx = m.l;
    const ly = m.t + plotH + 62 + 22 * k;
    out.push(`<line x1="${lx}" x2="${lx + 24}" y1="${ly - 4}" y2="${ly - 4}" stroke="${c}" stroke-width="3"/><text x="${lx + 30}" y="${ly}">${esc(`${r.label} (${r.seeds.length} seeds)`)}</text>`);
  });
  out.push('</svg>');
  return out.join('\n');
}

/** PNG bytes of an SVG (system fonts for the text). */
export function svgToPng(svg: string): Buffer {
  return new Resvg(svg, { background: '#ffffff', font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } }).render().asPng();
}
