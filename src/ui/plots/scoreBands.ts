// Score shading as a few single-colour bands: plotly's WebGL scatter converts a per-point colour array point by
// point on the main thread (200-340 ms at 15k points), one colour per trace costs nothing.

/** Bands a WebGL plot's shaded points fall into (the eye tells about a dozen shades apart on a cloud). */
export const SCORE_BANDS = 12;

/** plotly's Viridis stops, so a banded plot matches the colour bar plotly draws from 'Viridis'. */
export const VIRIDIS: ReadonlyArray<readonly [number, string]> = [
  [0, '#440154'], [0.06274509803921569, '#48186a'], [0.12549019607843137, '#472d7b'], [0.18823529411764706, '#424086'],
  [0.25098039215686274, '#3b528b'], [0.3137254901960784, '#33638d'], [0.3764705882352941, '#2c728e'], [0.4392156862745098, '#26828e'],
  [0.5019607843137255, '#21918c'], [0.5647058823529412, '#1fa088'], [0.6274509803921569, '#28ae80'], [0.6901960784313725, '#3fbc73'],
  [0.7529411764705882, '#5ec962'], [0.8156862745098039, '#84d44b'], [0.8784313725490196, '#addc30'], [0.9411764705882353, '#d8e219'],
  [1, '#fde725'],
];

/** Light to dark grey: the latent view's unlabelled points, informative without competing with the queue's yellow. */
export const GREYS: ReadonlyArray<readonly [number, string]> = [[0, '#d4d4d4'], [1, '#3a3a3a']];

/** '#rrggbb' as [r, g, b], 0-255. */
export const hexRgb = (hex: string): number[] => [1, 3, 5].map((k) => parseInt(hex.slice(k, k + 2), 16));
const hex2 = (v: number) => Math.round(v).toString(16).padStart(2, '0');

/** The scale's colour at t in [0, 1], interpolated in RGB between its stops (as plotly's colour scales are). */
export function scaleColour(stops: ReadonlyArray<readonly [number, string]>, t: number): string {
  const u = Math.min(1, Math.max(0, t));
  let k = 1;
  while (k < stops.length - 1 && stops[k]![0] < u) k++;
  const [t0, c0] = stops[k - 1]!;
  const [t1, c1] = stops[k]!;
  const f = t1 > t0 ? (u - t0) / (t1 - t0) : 0;
  const a = hexRgb(c0);
  const b = hexRgb(c1);
  return `#${a.map((v, j) => hex2(v + (b[j]! - v) * f)).join('')}`;
}

export interface Bands {
  /** the value range the bands split evenly (the colour bar's ends) */
  lo: number;
  hi: number;
  /** members[k]: the positions (into `values`) in band k, lowest values first */
  members: number[][];
  /** each band's colour: the scale at the band's middle */
  colours: string[];
}

/** Splits values into `count` equal-width bands over their range; non-finite values go to the lowest band. */
export function scoreBands(values: ArrayLike<number>, stops: ReadonlyArray<readonly [number, string]>, count = SCORE_BANDS): Bands {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isFinite(v)) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  if (!(lo <= hi)) lo = hi = 0;
  const width = (hi - lo) / count;
  const members: number[][] = Array.from({ length: count }, () => []);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    const k = Number.isFinite(v) && width > 0 ? Math.min(count - 1, Math.floor((v - lo) / width)) : 0;
    members[k]!.push(i);
  }
  const colours = members.map((_, k) => scaleColour(stops, (k + 0.5) / count));
  return { lo, hi, members, colours };
}
