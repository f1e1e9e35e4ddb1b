// The collapse guard in the page: when the latest stage's scores are (nearly) all equal, its AUROC means nothing.
import { useMemo } from 'react';
import { collapseStats } from '../engine/collapse';
import { useLab } from './useLab';

export function CollapseWarning() {
  const msg = useLab((s) => (s.snapshots.length ? s.snapshots[s.snapshots.length - 1]! : null));
  const last = msg?.snapshot ?? null;
  // the worker's figures; a round saved before it sent them is scanned here (O(n), once)
  const stats = useMemo(() => msg?.collapse ?? (last && last.scores.length ? collapseStats(last.scores, last.center) : null), [msg, last]);
  if (!last || !stats?.collapsed) return null;
  return (
    <div className="error" role="alert" data-testid="collapse-warning" style={{ flexBasis: "100%" }}>
      Stage {last.stage}: the scores collapsed ({stats.distinct} distinct value{stats.distinct === 1 ? '' : 's'} among {last.scores.length},
      spread {stats.std.toPrecision(2)}, {Math.round(100 * stats.nearC)}% of the points at the centre c), so its AUROC says nothing
      about the data. Try another seed, loss or a lower learning rate.
    </div>
  );
}
