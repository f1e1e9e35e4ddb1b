// Views 3 and 4: the learning curve (runs overlaid) and the streaming training loss.
import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { curveFromSnapshots, LEARNING_EXPLAIN, learningCurveFigure } from '../plots/learningCurve';
import { LOSS_EXPLAIN, lossCurveFigure } from '../plots/lossCurve';
import { runLabel } from '../../store/lab';
import { Plot } from '../Plot';
import { LiveLoss } from './LiveLoss';

// the real builders with no data: the first real draw then only updates traces, it does not build axes
const LEARNING_PLACEHOLDER = learningCurveFigure([{ id: 'current', label: 'current run', points: [] }]);
const LOSS_PLACEHOLDER = lossCurveFigure([{ stage: 0, phase: 'pretrain', epoch: 1, loss: 0 }]);
import { useLab } from '../useLab';
import { PlotCard } from './PlotCard';
import { useFrozenWhileBusy } from './freeze';

export function LearningView() {
  const snaps = useDeferredValue(useFrozenWhileBusy(useLab((s) => s.snapshots)));
  const curves = useLab((s) => s.curves);
  const settings = useLab((s) => s.settings);
  const figure = useMemo(() => {
    const runs = [...curves];
    if (snaps.length) runs.push({ id: 'current', label: `${runLabel(settings)} (current)`, points: curveFromSnapshots(snaps.map((m) => m.snapshot)) });
    return runs.length ? learningCurveFigure(runs) : null;
  }, [snaps, curves, settings]);
  return (
    <PlotCard id="learning" explain={LEARNING_EXPLAIN}>
      <Plot id="learning" figure={figure} placeholder={LEARNING_PLACEHOLDER} heavy />
    </PlotCard>
  );
}

/** While a stage trains the loss streams onto a cheap canvas; the plotly chart redraws when the worker is idle. */
export function LossView() {
  const busy = useLab((s) => s.run.busy);
  const live = useLab((s) => s.lossLog);
  const log = useFrozenWhileBusy(live);
  const [shown, setShown] = useState(log);
  const latest = useRef(log);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  latest.current = log;
  useEffect(() => {
    if (timer.current !== null) return; // throttle: the pending timer picks up the newest log
    timer.current = setTimeout(() => {
      timer.current = null;
      setShown(latest.current);
    }, log.length === 0 ? 0 : 250);
  }, [log]);
  useEffect(() => () => {
    if (timer.current !== null) clearTimeout(timer.current);
  }, []);
  const figure = useMemo(() => (shown.length ? lossCurveFigure(shown) : null), [shown]);
  return (
    <PlotCard id="loss" explain={LOSS_EXPLAIN}>
      {busy && live.length > 0 && <LiveLoss log={live} height={360} />}
      <div style={busy && live.length > 0 ? { display: 'none' } : undefined}>
        <Plot id="loss" figure={figure} empty="The loss appears here while a stage trains." placeholder={LOSS_PLACEHOLDER} heavy />
      </div>
    </PlotCard>
  );
}
