// Named sessions (list, open, rename, delete, new), exports (session file, labels CSV, scores CSV, model) and import.
import { useEffect, useRef, useState } from 'react';
import { act, download, getSessionSync, useSyncState } from './context';
import { useLab } from '../useLab';

function when(t: number): string {
  return new Date(t).toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

export function SessionsPanel() {
  const sync = getSessionSync();
  const id = useSyncState((s) => s.id);
  const sessions = useSyncState((s) => s.sessions);
  const error = useSyncState((s) => s.error);
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
      sync.state.setState({ error: e instanceof Error ? e.message : String(e) });
    }
  };

  return (
    <section className="sessions" data-testid="sessions">
      <h2>Sessions</h2>
      <ul>
        {sessions.map((s) => (
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
        ))}
      </ul>
      <div className="exports">
        <button disabled={busy} onClick={() => act(sync.newSession())} data-testid="session-new">New session</button>
        <button onClick={() => file.current?.click()} data-testid="session-import">Import session…</button>
        <input
          ref={file} type="file" accept=".zip" hidden data-testid="session-import-file"
          onChange={async (e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) act(sync.importSession(new Uint8Array(await f.arrayBuffer())));
          }}
        />
      </div>
      <div className="exports">
        <span>Export:</span>
        <button data-testid="export-session" onClick={() => act(sync.exportSession().then((f) => download(f.fileName, f.bytes, 'application/zip')))}>session file</button>
        <button data-testid="export-labels" onClick={guard(() => download('labels.csv', sync.labelsCsv(), 'text/csv'))}>labels CSV</button>
        <button data-testid="export-scores" disabled={rounds === 0} onClick={guard(() => download('scores.csv', sync.scoresCsv(), 'text/csv'))}>scores CSV</button>
        <button data-testid="export-model" disabled={rounds === 0} onClick={() => act(sync.modelZip().then((f) => download(f.fileName, f.bytes, 'application/zip')))}>model</button>
      </div>
      {error && <div className="error" role="alert" data-testid="session-error">{error} <button className="link" onClick={() => sync.state.setState({ error: null })}>dismiss</button></div>}
    </section>
  );
}

/** What was restored, or why the worker restarted: shown until dismissed. */
export function SessionNotice() {
  const notice = useSyncState((s) => s.notice);
  if (!notice) return null;
  return (
    <div className="notice session-notice" role="status" data-testid="session-notice">
      <span>{notice}</span>
      <button className="link" onClick={() => getSessionSync().dismissNotice()}>dismiss</button>
    </div>
  );
}
