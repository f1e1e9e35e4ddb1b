// Label the points picked on a plot, all at once (keys N / A / S apply to them while the bar is shown).
import type { Decision } from '../../store/labels';
import { act, labelsActions } from '../sessions/context';
import { clearSelection, selectionStore, useSelection } from '../../store/panels';

const PLOT_TITLE: Record<string, string> = { latent: 'latent view', input: 'input view' };

export function labelSelection(label: Decision): void {
  const idx = selectionStore.getState().indices;
  if (!idx.length) return;
  const labels = labelsActions();
  act((idx.length === 1 ? labels.decide(idx[0]!, label, 'plot') : labels.decideMany(idx.map((i) => [i, label]), 'plot')).then(clearSelection));
}

export function SelectionBar() {
  const from = useSelection((s) => s.from);
  const indices = useSelection((s) => s.indices);
  if (!indices.length) return null;
  const list = indices.length <= 12 ? indices.join(', ') : `${indices.slice(0, 12).join(', ')}, …`;
  return (
    <div className="selection-bar notice" data-testid="selection-bar" data-count={indices.length}>
      <b>{indices.length} point{indices.length > 1 ? 's' : ''}</b> picked in the {PLOT_TITLE[from ?? ''] ?? 'plot'} ({list}): label {indices.length > 1 ? 'them' : 'it'}{' '}
      <button data-testid="select-normal" onClick={() => labelSelection('normal')}>normal (N)</button>{' '}
      <button data-testid="select-anomaly" onClick={() => labelSelection('anomaly')}>anomaly (A)</button>{' '}
      <button data-testid="select-skip" onClick={() => labelSelection('skip')}>skip (S)</button>{' '}
      <button className="link" onClick={clearSelection}>clear</button>
    </div>
  );
}
