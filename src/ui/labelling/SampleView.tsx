// One sample as a person can judge it: a picture at its native shape, or its features against the dataset.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { RawData } from '../../core/types';
import { columnStats, columnStatsSteps, featureRows, imagePixels, type ColumnStats } from './features';

const statsCache = new WeakMap<RawData, ColumnStats>();
export function statsOf(raw: RawData): ColumnStats {
  let s = statsCache.get(raw);
  if (!s) {
    s = columnStats(raw.values, raw.n, raw.d);
    statsCache.set(raw, s);
  }
  return s;
}

/** Above this many values the statistics are computed in slices between frames (200k x 50 took 0.2-0.25 s in one task). */
const SLICED = 1_000_000;
const pending = new WeakMap<RawData, Promise<ColumnStats>>();
function statsLater(raw: RawData): Promise<ColumnStats> {
  let p = pending.get(raw);
  if (!p) {
    const steps = columnStatsSteps(raw.values, raw.n, raw.d, Math.max(1, Math.floor(200_000 / raw.d)));
    p = new Promise<ColumnStats>((resolve, reject) => {
      const step = () => {
        try {
          const r = steps.next();
          if (!r.done) return void setTimeout(step, 0);
          statsCache.set(raw, r.value);
          resolve(r.value);
        } catch (e) {
          reject(e as Error);
        }
      };
      step();
    });
    pending.set(raw, p);
  }
  return p;
}

/** The column statistics: at once for small data, after the sliced pass (null meanwhile) for large. */
function useStats(raw: RawData): ColumnStats | null {
  const [, bump] = useState(0);
  const ready = statsCache.get(raw) ?? (raw.values.length <= SLICED ? statsOf(raw) : null);
  useEffect(() => {
    if (ready) return;
    let live = true;
    void statsLater(raw).then(() => live && bump((x) => x + 1));
    return () => {
      live = false;
    };
  }, [raw, ready]);
  return ready;
}

export function ImageSample({ raw, row, shape, size = 112 }: { raw: RawData; row: number; shape: [number, number]; size?: number }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const stats = statsOf(raw);
  useEffect(() => {
    const c = ref.current;
    const g = c?.getContext('2d');
    if (!c || !g) return;
    const px = imagePixels(raw.values, raw.d, row, shape, stats);
    g.putImageData(new ImageData(px as Uint8ClampedArray<ArrayBuffer>, shape[1], shape[0]), 0, 0);
  }, [raw, row, shape[0], shape[1]]);
  const scale = Math.max(1, Math.floor(size / Math.max(shape[0], shape[1])));
  return (
    <canvas
      ref={ref} width={shape[1]} height={shape[0]} className="sample-image" data-testid="sample-image"
      style={{ width: shape[1] * scale, height: shape[0] * scale }}
      aria-label={`${shape[0]} x ${shape[1]} image of row ${row}`}
    />
  );
}

const SHOWN = 6;

export function TabularSample({ raw, row }: { raw: RawData; row: number }) {
  const [all, setAll] = useState(false);
  const stats = useStats(raw);
  const rows = useMemo(() => (stats ? featureRows(raw.values, raw.d, row, stats, raw.featureNames) : null), [raw, row, stats]);
  if (!rows) return <div className="sample-table" data-testid="sample-table-pending">Column statistics of {raw.n} rows…</div>;
  const shown = all ? rows : rows.slice(0, SHOWN);
  return (
    <div className="sample-table" data-testid="sample-table">
      <table>
        <tbody>
          {shown.map((f) => {
            const z = Math.max(-4, Math.min(4, f.z));
            return (
              <tr key={f.column} title={`${f.name}: ${f.value} (z ${f.z.toFixed(2)}, percentile ${f.percentile.toFixed(0)})`}>
                <td className="fname">{f.name}</td>
                <td className="fval">{fmt(f.value)}</td>
                <td className="zbar" aria-label={`z-score ${f.z.toFixed(2)}`}>
                  <span className="axis" />
                  <span className={`bar ${z >= 0 ? 'pos' : 'neg'} ${Math.abs(f.z) >= 2 ? 'strong' : ''}`}
                    style={z >= 0 ? { left: '50%', width: `${(z / 8) * 100}%` } : { right: '50%', width: `${(-z / 8) * 100}%` }} />
                </td>
                <td className="fz">{f.z >= 0 ? '+' : ''}{f.z.toFixed(1)}σ</td>
                <td className="fpct">p{f.percentile.toFixed(0)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {rows.length > SHOWN && (
        <button className="link" onClick={() => setAll(!all)}>{all ? 'fewer features' : `all ${rows.length} features`}</button>
      )}
    </div>
  );
}

function fmt(v: number): string {
  if (Number.isInteger(v)) return String(v);
  const a = Math.abs(v);
  return a !== 0 && (a < 1e-3 || a >= 1e5) ? v.toExponential(2) : v.toPrecision(4).replace(/\.?0+$/, '');
}

export function SampleView({ raw, row }: { raw: RawData; row: number }) {
  const kind = raw.kind;
  if (kind?.type === 'image' && kind.shape && kind.shape[0] * kind.shape[1] === raw.d) return <ImageSample raw={raw} row={row} shape={kind.shape} />;
  return <TabularSample raw={raw} row={row} />;
}
