// The keys on screen; click one to rebind it (the next key pressed takes its place).
import { useEffect, useState } from 'react';
import { ACTIONS, ACTION_TITLE, keyTitle, rebind, saveBindings, type KeyAction, type KeyBindings } from './keys';

export function KeyHelp({ bindings, onChange }: { bindings: KeyBindings; onChange(b: KeyBindings): void }) {
  const [waiting, setWaiting] = useState<KeyAction | null>(null);
  const [msg, setMsg] = useState<string | null>(null);
  useEffect(() => {
    if (!waiting) return;
    const onKey = (e: KeyboardEvent) => {
      e.preventDefault();
      e.stopImmediatePropagation();
      if (e.key === 'Escape') {
        setWaiting(null);
        return;
      }
      try {
        const b = rebind(bindings, waiting, e.key);
        saveBindings(b);
        onChange(b);
        setMsg(null);
      } catch (err) {
        setMsg((err as Error).message);
      }
      setWaiting(null);
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [waiting, bindings]);
  return (
    <div className="key-help" data-testid="key-help">
      {ACTIONS.map((a) => (
        <span key={a} className="key-item">
          <button className="kbd-button" title="Click, then press a key to rebind" onClick={() => setWaiting(a)} data-testid={`key-${a}`}>
            {waiting === a ? 'press a key…' : bindings[a].map(keyTitle).join(' / ')}
          </button>{' '}
          {ACTION_TITLE[a]}
        </span>
      ))}
      {msg && <span className="wrong-tag">{msg}</span>}
    </div>
  );
}
