// Share this setup: copy a link that reproduces the settings and import choices, and choose which controls the link hides.
import { useMemo, useState } from 'react';
import { describePrep, parsePrepLink } from '../../io/preprocess/link';
import { prepOf } from '../../io/preprocess/prepared';
import { hideableControls } from '../../store/url-sync';
import { appStore } from '../../store/page';
import { useLink } from '../../store/hooks';
import { useLab } from '../useLab';

export function SharePanel() {
  const hidden = useLab((s) => s.hidden);
  const own = useLab((s) => s.data?.source === 'file');
  const fileName = useLab((s) => prepOf(s.data?.raw)?.fileName ?? s.settings.dataset);
  const prepText = useLab((s) => s.settings.prep);
  const choices = prepText ? describePrep(parsePrepLink(prepText)) : '';
  const [status, setStatus] = useState<string | null>(null);
  const settings = useLab((s) => s.settings);
  const page = useLink((s) => s.page);
  // built when what the link holds changes, not on every store update (progress events, key presses)
  const url = useMemo(() => appStore.getState().link.href(), [settings, hidden, page]);
  const toggle = (k: string, on: boolean) => {
    const next = new Set(hidden);
    if (on) next.add(k);
    else next.delete(k);
    appStore.getState().link.setHidden(next);
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setStatus('Link copied.');
    } catch {
      const el = document.querySelector<HTMLInputElement>('[data-testid=share-url]');
      el?.select();
      setStatus(document.execCommand('copy') ? 'Link copied.' : 'Select the link above and copy it (the browser did not allow it).');
    }
  };
  return (
    <div className="share" data-testid="share">
      <div className="share-row">
        <button data-testid="copy-link" onClick={() => void copy()}>Copy link</button>
        <span className="small" role="status" data-testid="copy-status">{status}</span>
      </div>
      <input className="share-url" readOnly value={url} data-testid="share-url" onFocus={(e) => e.target.select()} aria-label="link to this setup" />
      {own && (
        <p className="small" data-testid="share-file-note">
          The link cannot carry your file ({fileName}): it stays on this computer. Whoever opens the link must open the same
          file themselves{choices ? <>; the import dialog then starts with your choices ({choices})</> : ''}, and gets the same run.
        </p>
      )}
      {!own && choices && <p className="small muted" data-testid="share-prep-note">The link carries the import choices: {choices}.</p>}
      <details data-testid="hide-controls">
        <summary>Hide controls in the link{hidden.size ? ` (${hidden.size} hidden)` : ''}</summary>
        <p className="small muted">Ticked controls are hidden here and for whoever opens the link.</p>
        {hideableControls().map((c) => (
          <label key={c.key} className="field inline small">
            <input type="checkbox" data-testid={`hide-${c.key}`} checked={hidden.has(c.key)} onChange={(e) => toggle(c.key, e.target.checked)} />
            <span>{c.label}</span>
          </label>
        ))}
      </details>
    </div>
  );
}

export function LinkNoticesBox() {
  const problems = useLink((s) => s.problems);
  if (!problems.length) return null;
  return (
    <div className="notice link-notices" role="status" data-testid="link-notices">
      <b>About this link:</b>
      <ul>{problems.map((p, i) => <li key={i}>{p}</li>)}</ul>
      <button className="link" onClick={() => appStore.getState().link.dismiss()}>dismiss</button>
    </div>
  );
}

