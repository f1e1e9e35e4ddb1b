// Named sessions (list, open, rename, delete, new), exports (session file, labels CSV, scores CSV, model) and import.
// A stored session that cannot be opened stays listed with its reason, to export as it is or delete.
import { useEffect, useRef, useState } from 'react';
import { act, download, sessionActions, useSyncState } from './context';
import { useLab } from '../useLab';
import type { SessionSummary } from '../../store/persist-types';

// one formatter for every row: toLocaleString with options builds a new one per call (30 ms for the first)
let whenFormat: Intl.DateTimeFormat | null = null;
function when(t: number): string {
  whenFormat ??= new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  return whenFormat.format(new Date(t));
}

const mb = (b: number) => (b >= 2 ** 20 ? `${(b / 2 ** 20).toFixed(1)} MB` : `${Math.max(1, Math.round(b / 1024))} kB`);

function Broken({ s }: { s: SessionSummary }) {
  const sync = sessionActions();
  return (
    <li className="broken" data-testid="session-broken" data-id={s.id}>
      <span className="row"><b data-testid="session-name">{s.name}</b><span className="muted">cannot be opened</span></span>
      <span className="small" data-testid="session-problem">{s.problem}</span>
      <span className="row">
        <button data-testid="session-export-raw" onClick={() => act(sync.exportRaw(s.id).then((f) => download(f.fileName, f.bytes, 'application/zip')))}>export raw</button>
        <button data-testid="session-delete" onClick={() => { if (window.confirm(`Delete the session "${s.name}"?`)) act(sync.removeSession(s.id)); }}>delete</button>
      </span>
    </li>
  );
}

export function SessionsPanel() {
  const sync = sessionActions();
  const id = useSyncState((s) => s.id);
  const sessions = useSyncState((s) => s.sessions);
  const error = useSyncState((s) => s.error);
  const memory = useSyncState((s) => s.storage === 'memory');
  const busy = useLab((s) => s.run.busy);
  const rounds = useLab((s) => s.snapshots.length);
  const [editing, setEditing] = useState<string | null>(null);
  const [draft, setDraft] = useState('');
  const file = useRef<HTMLInputElement>(null);

  useEffect(() => {
    act(sync.refresh());
  }, []);

  const guard = (fn: () => void) => () => {
    try {
      fn();
    } catch (e) {
      sync.setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <section className="sessions" data-testid="sessions">
      <h2>Sessions</h2>
      {memory && <p className="small muted">Nothing is saved in this browser: export the session to keep it.</p>}
      <ul>
        {sessions.map((s) => (s.problem && s.id !== id ? <Broken key={s.id} s={s} /> : (
          <li key={s.id} className={s.id === id ? 'current' : ''} data-testid="session-item" data-id={s.id}>
            {editing === s.id ? (
              <form className="row" onSubmit={(e) => { e.preventDefault(); act(sync.rename(s.id, draft)); setEditing(null); }}>
                <input type="text" autoFocus value={draft} aria-label="session name" data-testid="session-name-input" onChange={(e) => setDraft(e.target.value)} />
                <button type="submit" data-testid="session-rename-save">save</button>
                <button type="button" onClick={() => setEditing(null)}>cancel</button>
              </form>
            ) : (
              <span className="row"><b data-testid="session-name">{s.name}</b>{s.id === id && <span className="muted">(open)</span>}</span>
            )}
            <span className="muted">{s.dataset} · {s.rounds} round{s.rounds === 1 ? '' : 's'} · {s.decisions} decision{s.decisions === 1 ? '' : 's'} · {when(s.updatedAt)}</span>
            <span className="row">
              {s.id !== id && <button disabled={busy} onClick={() => act(sync.open(s.id))} data-testid="session-open">open</button>}
              <button onClick={() => { setEditing(s.id); setDraft(s.name); }} data-testid="session-rename">rename</button>
              <button
                data-testid="session-delete"
                onClick={() => { if (window.confirm(`Delete the session "${s.name}" and its labels? Export it first to keep a copy.`)) act(sync.removeSession(s.id)); }}
              >delete</button>
            </span>
          </li>
        )))}
      </ul>
      <div className="exports">
        <button disabled={busy} onClick={() => act(sync.newSession())} data-testid="session-new">New session</button>
        <button onClick={() => file.current?.click()} data-testid="session-import">Import session…</button>
        <input
          ref={file} type="file" accept=".zip" hidden data-testid="session-import-file"
          onChange={async (e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) act(sync.importSession(new Uint8Array(await f.arrayBuffer()), f.name));
          }}
        />
      </div>
      <div className="exports">
        <span>Export:</span>
        <button data-testid="export-session" onClick={() => act(sync.exportSession().then((f) => download(f.fileName, f.bytes, 'application/zip')))}>session file</button>
        <button data-testid="export-labels" onClick={guard(() => download('labels.csv', sync.labelsCsv(), 'text/csv'))}>labels CSV</button>
        <button data-testid="export-scores" disabled={rounds === 0} onClick={guard(() => download('scores.csv', sync.scoresCsv(), 'text/csv'))}>scores CSV</button>
        <button data-testid="export-metrics" disabled={rounds === 0} onClick={guard(() => download('metrics.csv', sync.metricsCsv(), 'text/csv'))}>metrics CSV</button>
        <button data-testid="export-model" disabled={rounds === 0} onClick={() => act(sync.modelZip().then((f) => download(f.fileName, f.bytes, 'application/zip')))}>model</button>
      </div>
      {error && <div className="error" role="alert" data-testid="session-error">{error} <button className="link" onClick={() => sync.setError(null)}>dismiss</button></div>}
      <StorageFull />
    </section>
  );
}

/** Storage is full: which write failed, and the sessions by size so the person can free room. */
function StorageFull() {
  const full = useSyncState((s) => s.full);
  if (!full) return null;
  return (
    <div className="error" role="alert" data-testid="storage-full">
      <p>{full.failed}</p>
      {full.sizes.length > 0 && (
        <ul className="small">{full.sizes.map((s) => <li key={s.id} data-testid="storage-size">{s.name}: {mb(s.bytes)}</li>)}</ul>
      )}
      <button className="link" onClick={() => sessionActions().dismissFull()}>dismiss</button>
    </div>
  );
}

/** What was restored, or why the worker restarted: shown until dismissed. */
export function SessionNotice() {
  const notice = useSyncState((s) => s.notice);
  if (!notice) return null;
  return (
    <div className="notice session-notice" role="status" data-testid="session-notice">
      <span>{notice}</span>
      <button className="link" onClick={() => sessionActions().dismissNotice()}>dismiss</button>
    </div>
  );
}

/** IndexedDB does not work here: said once, at the top, for as long as the page is open. */
export function StorageBanner() {
  const memory = useSyncState((s) => s.storage === 'memory');
  const why = useSyncState((s) => s.storageProblem);
  if (!memory) return null;
  return (
    <div className="error storage-banner" role="alert" data-testid="storage-banner" title={why ?? undefined}>
      Labels cannot be saved in this browser: export the session to keep them.
    </div>
  );
}
