// The history list's delegated clicks: the row's button says what to do and to which decision.
import { describe, expect, it } from 'vitest';
import { historyActionOf } from './historyActions';

/** An element whose nearest [data-action] ancestor has these attributes (null: none). */
const at = (attrs: Record<string, string> | null) => ({
  closest: (sel: string) => (sel === '[data-action]' && attrs ? { getAttribute: (n: string) => attrs[n] ?? null } : null),
});

describe('historyActionOf', () => {
  it('reads the action and the decision number of the button clicked', () => {
    expect(historyActionOf(at({ 'data-action': 'edit', 'data-seq': '7' }))).toEqual({ action: 'edit', seq: 7 });
    expect(historyActionOf(at({ 'data-action': 'delete', 'data-seq': '0' }))).toEqual({ action: 'delete', seq: 0 });
  });
  it('ignores clicks outside a button, unknown actions and rows without a number', () => {
    expect(historyActionOf(at(null))).toBeNull();
    expect(historyActionOf(null)).toBeNull();
    expect(historyActionOf(at({ 'data-action': 'explode', 'data-seq': '1' }))).toBeNull();
    expect(historyActionOf(at({ 'data-action': 'edit', 'data-seq': 'x' }))).toBeNull();
    expect(historyActionOf(at({ 'data-action': 'edit' }))).toBeNull();
  });
});
