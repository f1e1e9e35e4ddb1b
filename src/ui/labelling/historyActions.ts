// The history list's one click handler: each row's buttons carry their action and decision number as data attributes.
import type { Decision } from '../../store/labels';

export type HistoryAction = { action: 'edit' | 'delete'; seq: number };

interface Closest {
  closest(selector: string): { getAttribute(name: string): string | null } | null;
}

/** The action of the button a click landed in (or inside), or null for a click elsewhere in the list. */
export function historyActionOf(target: Closest | null): HistoryAction | null {
  const el = target?.closest('[data-action]');
  const action = el?.getAttribute('data-action');
  const text = el?.getAttribute('data-seq');
  const seq = text ? Number(text) : NaN;
  if ((action !== 'edit' && action !== 'delete') || !Number.isInteger(seq)) return null;
  return { action, seq };
}

export const DECISIONS: readonly Decision[] = ['normal', 'anomaly', 'skip'];
