// View 1: the latent hypersphere; the stepper's previews and each new round glide from the last positions.
import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { latentFigure, LATENT_EXPLAIN, type FittedCoords, type LatentCoords } from '../plots/latent';
import { useLatentPlane } from './useLatentPlane';
import { placeholderFigure, type Figure } from '../plots/figure';
import { drawMode, overlayMarks, useWebGL, type OverlayMark } from '../plots/pointTraces';
import { hoverTip, pointTable } from '../plots/points';
import { Plot } from '../Plot';
import { useLab, labStore } from '../useLab';
import { useCurrent, useShownAnswers } from './derived';
import { PlotCard } from './PlotCard';
import { selectPoints } from '../../store/panels';
import { usePreview } from './previewStore';
import { useFrozenWhileBusy } from './freeze';
import { useViewPrefs } from '../viewPrefs';
import { pixelsToUrl } from '../canvasImage';

/** SVG points glide in one plotly transition (no redraw per frame); WebGL ones take a few redrawn frames. */
const TWEEN_MS = 450;
const GL_FRAMES = 4;
const GL_FRAME_MS = 90;
/** WebGL frames redraw every point: above this many the view jumps instead (a frame would be a long task). */
const MAX_TWEEN = 6000;
// a large pool's plot is WebGL, and so is its placeholder: plotly makes the plot's two WebGL contexts (45 ms each)
// when the data loads, not in the first round's draw
const placeholder = (scale: number, gl: boolean) => placeholderFigure('Latent hypersphere', 'distance to c along direction 1', 'distance to c along direction 2', [gl ? 'scattergl' : 'scatter'], {}, scale);
const ease = (t: number) => (t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) ** 2 / 2);

export function LatentView() {
  const cur = useCurrent();
  const preview = useDeferredValue(useFrozenWhileBusy(usePreview()));
  const showTruth = useLab((s) => s.showTruth);
  const answers = useShownAnswers(cur);
  const hover = useLab((s) => s.hover);
  const scale = useLab((s) => (s.settings.present ? 1.5 : 1));
  const animate = useViewPrefs((s) => s.animate);
  const prev = useRef<{ coords: FittedCoords; axes: LatentCoords['axes']; key: string; n: number } | null>(null);
  const [frame, setFrame] = useState<FittedCoords | null>(null);
  // where plotly's transition takes the points drawn at `frame` (SVG renderer only)
  const [target, setTarget] = useState<FittedCoords | null>(null);

  // the stepper's preview (centre, train) stands in for the stage until it is scored
  const shown = useMemo(() => {
    if (preview && (!cur || preview.msg.snapshot.stage > cur.msg.snapshot.stage)) {
      return { msg: preview.msg, table: pointTable(preview.msg.snapshot), phase: preview.phase, truth: cur?.truth ?? null };
    }
    return cur ? { msg: cur.msg, table: cur.table, phase: 'scored' as const, truth: cur.truth } : null;
  }, [cur, preview]);

  const coords = useLatentPlane(shown?.msg ?? null, shown?.phase ?? null, prev);

  // tween from the previous stage's positions to the new ones (the cloud contracting toward c after "train")
  useEffect(() => {
    if (!shown || !coords) return;
    const p = prev.current;
    const n = shown.msg.snapshot.scores.length;
    prev.current = { coords: coords.fitted, axes: coords.axes, key: coords.key, n };
    if (!animate || !p || p.n !== n || p.key === coords.key || n > MAX_TWEEN) {
      setFrame(null);
      setTarget(null);
      return;
    }
    const a = p.coords;
    const b = coords.fitted;
    // the frame keeps the old range while the points move (the contraction toward c shows), then fits the new one
    const limit = Math.max(a.limit, b.limit);
    const step = (t: number) => {
      const x = new Float64Array(n);
      const y = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        x[i] = a.x[i]! + (b.x[i]! - a.x[i]!) * t;
        y[i] = a.y[i]! + (b.y[i]! - a.y[i]!) * t;
      }
      return { x, y, truePlane: b.truePlane, limit, far: b.far };
    };
    if (!useWebGL(n)) {
      setFrame(step(0));
      setTarget(step(1));
      const timer = setTimeout(() => {
        setFrame(null);
        setTarget(null);
      }, TWEEN_MS + 80);
      return () => clearTimeout(timer);
    }
    setTarget(null);
    let k = 1;
    setFrame(step(ease(k / GL_FRAMES)));
    const timer = setInterval(() => {
      k += 1;
      if (k >= GL_FRAMES) {
        clearInterval(timer);
        setFrame(null);
      } else setFrame(step(ease(k / GL_FRAMES)));
    }, GL_FRAME_MS);
    return () => clearInterval(timer);
  }, [coords, animate]);

  // answers and the hovered point are not in the figure: they are overlay marks (a key press redraws no plot)
  const at = frame ?? coords?.fitted ?? null;
  const figure: Figure | null = useMemo(() => {
    if (!shown || !at) return null;
    return latentFigure(shown.msg.snapshot, shown.table, { truth: shown.truth, showTruth, hover: null }, at, { scale, phase: shown.phase, encode: pixelsToUrl });
  }, [shown, at, showTruth, scale]);
  const tween = useMemo(() => {
    if (!shown || !target) return null;
    return { to: latentFigure(shown.msg.snapshot, shown.table, { truth: shown.truth, showTruth, hover: null }, target, { scale, phase: shown.phase, encode: pixelsToUrl }), ms: TWEEN_MS };
  }, [shown, target, showTruth, scale]);

  const overlay: OverlayMark[] = useMemo(() => {
    // the marks would stay behind while the points glide: they come back at the end of the transition
    if (!shown || !at || target) return [];
    const marks = overlayMarks(at.x, at.y, shown.table, { truth: shown.truth, showTruth, hover: null, answers: shown.phase === 'scored' ? answers : undefined });
    // a painted plot shows the hovered point's line itself (plotly has no trace there to label it)
    const tip = (i: number) => (drawMode(at.x.length) === 'painted' ? hoverTip(i, shown.msg.snapshot, shown.table, shown.truth, answers) : '');
    if (hover !== null && hover < at.x.length) marks.unshift({ kind: 'hover', index: hover, x: at.x[hover]!, y: at.y[hover]!, label: tip(hover), fill: 'transparent', title: `point ${hover}` });
    return marks;
  }, [shown, at, target, showTruth, answers, hover]);

  const gl = useLab((s) => useWebGL(s.data?.raw.n ?? 0));
  const empty = useMemo(() => placeholder(scale, gl), [scale, gl]);
  return (
    <PlotCard id="latent" explain={LATENT_EXPLAIN}>
      <Plot id="latent" figure={figure} overlay={overlay} scale={scale} onHover={(i) => labStore.getState().setHover(i)} onSelect={(idx) => selectPoints('latent', idx)} placeholder={empty} tween={tween} heavy />
    </PlotCard>
  );
}
