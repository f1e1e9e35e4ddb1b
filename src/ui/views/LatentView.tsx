// View 1: the latent hypersphere; points glide from their last position when a new round arrives.
import { useEffect, useMemo, useRef, useState } from 'react';
import { latentCoords, latentFigure, LATENT_EXPLAIN, type LatentCoords } from '../plots/latent';
import { placeholderFigure, type Figure } from '../plots/figure';
import { Plot } from '../Plot';
import { useLab, labStore } from '../useLab';
import { useCurrent } from './derived';
import { PlotCard } from './PlotCard';
import { selectPoints } from '../labelling/selection';

const FRAMES = 10;
const PLACEHOLDER = placeholderFigure('Latent hypersphere', 'distance to c along direction 1', 'distance to c along direction 2', ['scattergl', 'scatter']);
const FRAME_MS = 60;
const ease = (t: number) => (t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) ** 2 / 2);

export function LatentView() {
  const cur = useCurrent();
  const showTruth = useLab((s) => s.showTruth);
  const answers = useLab((s) => s.answers);
  const hover = useLab((s) => s.hover);
  const prev = useRef<{ coords: LatentCoords; stage: number; n: number } | null>(null);
  const [frame, setFrame] = useState<{ x: Float64Array; y: Float64Array } | null>(null);

  const coords = useMemo(() => {
    if (!cur) return null;
    const p = prev.current;
    return latentCoords(cur.msg.snapshot, p && p.n === cur.msg.snapshot.scores.length ? p.coords.axes : null);
  }, [cur?.msg]);

  // tween from the previous round's positions to the new ones
  useEffect(() => {
    if (!cur || !coords) return;
    const p = prev.current;
    const s = cur.msg.snapshot;
    prev.current = { coords, stage: s.stage, n: s.scores.length };
    if (!p || p.n !== s.scores.length || p.stage === s.stage) {
      setFrame(null);
      return;
    }
    let k = 0;
    const x = new Float64Array(coords.x.length);
    const y = new Float64Array(coords.y.length);
    const timer = setInterval(() => {
      k += 1;
      const t = ease(Math.min(1, k / FRAMES));
      for (let i = 0; i < x.length; i++) {
        x[i] = p.coords.x[i]! + (coords.x[i]! - p.coords.x[i]!) * t;
        y[i] = p.coords.y[i]! + (coords.y[i]! - p.coords.y[i]!) * t;
      }
      if (k >= FRAMES) {
        clearInterval(timer);
        setFrame(null);
      } else setFrame({ x: x.slice(), y: y.slice() });
    }, FRAME_MS);
    setFrame({ x: p.coords.x, y: p.coords.y });
    return () => clearInterval(timer);
  }, [coords]);

  const figure: Figure | null = useMemo(() => {
    if (!cur || !coords) return null;
    const at = frame ?? coords;
    return latentFigure(cur.msg.snapshot, cur.table, { truth: cur.truth, showTruth, hover: null, answers }, { x: at.x, y: at.y, truePlane: coords.truePlane });
  }, [cur, coords, frame, showTruth, answers]);

  const highlight = useMemo(() => {
    if (!coords || hover === null || hover >= coords.x.length) return { x: [], y: [] };
    return { x: [coords.x[hover]!], y: [coords.y[hover]!] };
  }, [coords, hover]);

  return (
    <PlotCard id="latent" explain={LATENT_EXPLAIN}>
      <Plot id="latent" figure={figure} highlight={highlight} onHover={(i) => labStore.getState().setHover(i)} onSelect={(idx) => selectPoints('latent', idx)} height={520} placeholder={PLACEHOLDER} heavy />
    </PlotCard>
  );
}
