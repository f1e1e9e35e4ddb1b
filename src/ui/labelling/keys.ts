// Single-key bindings for the labelling queue; rebindable, saved in localStorage.

export const ACTIONS = ['normal', 'anomaly', 'skip', 'undo', 'prev', 'next', 'retrain'] as const;
export type KeyAction = (typeof ACTIONS)[number];
export type KeyBindings = Record<KeyAction, string[]>;

export const DEFAULT_KEYS: KeyBindings = {
  normal: ['n'],
  anomaly: ['a'],
  skip: ['s'],
  undo: ['u', 'Backspace'],
  prev: ['ArrowLeft', 'ArrowUp'],
  next: ['ArrowRight', 'ArrowDown'],
  retrain: ['Enter'],
};

export const ACTION_TITLE: Record<KeyAction, string> = {
  normal: 'normal', anomaly: 'anomaly', skip: 'skip', undo: 'undo', prev: 'previous', next: 'next', retrain: 'retrain',
};

/** Letters match either case; named keys (Enter, ArrowLeft) exactly. */
const norm = (k: string) => (k.length === 1 ? k.toLowerCase() : k);

export function keyAction(key: string, b: KeyBindings = DEFAULT_KEYS): KeyAction | null {
  const k = norm(key);
  for (const a of ACTIONS) if (b[a].some((x) => norm(x) === k)) return a;
  return null;
}

/** Binds key to action alone (its primary key); the key leaves any other action. Modifier keys cannot be bound. */
export function rebind(b: KeyBindings, action: KeyAction, key: string): KeyBindings {
  if (['Shift', 'Control', 'Alt', 'Meta', 'Tab', 'Escape', ' '].includes(key)) throw new Error(`The key '${key === ' ' ? 'Space' : key}' cannot be bound`);
  const k = norm(key);
  const out = {} as KeyBindings;
  for (const a of ACTIONS) out[a] = b[a].filter((x) => norm(x) !== k);
  out[action] = [k, ...out[action].slice(1)];
  return out;
}

export function keyTitle(k: string): string {
  const names: Record<string, string> = { ArrowLeft: '←', ArrowRight: '→', ArrowUp: '↑', ArrowDown: '↓', Backspace: '⌫ Backspace', Enter: '⏎ Enter' };
  return names[k] ?? k.toUpperCase();
}

const STORAGE_KEY = 'svdd-lab:keys';

export function loadBindings(): KeyBindings {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (!raw) return DEFAULT_KEYS;
    const parsed = JSON.parse(raw) as Partial<KeyBindings>;
    const out = { ...DEFAULT_KEYS };
    for (const a of ACTIONS) if (Array.isArray(parsed[a]) && parsed[a]!.every((x) => typeof x === 'string')) out[a] = parsed[a]!;
    return out;
  } catch {
    return DEFAULT_KEYS;
  }
}

export function saveBindings(b: KeyBindings): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(b));
  } catch {
    // private mode: the bindings last for this page only
  }
}
