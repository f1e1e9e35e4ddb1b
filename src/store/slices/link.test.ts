// Tests the link slice: link problems (cut echoes, the file problem), hidden controls and page parameters in the address, the copied link.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { cutEcho } from './link';
import { testStore } from '../testing';

describe('cutEcho', () => {
  it('cuts a quoted value over 80 characters to 79 and an ellipsis; shorter values and unquoted text stay', () => {
    const long = 'x'.repeat(81);
    expect(cutEcho(`seed '${long}' is not a whole number`)).toBe(`seed '${'x'.repeat(79)}…' is not a whole number`);
    expect(cutEcho(`seed '${'y'.repeat(80)}' is bad`)).toBe(`seed '${'y'.repeat(80)}' is bad`);
    expect(cutEcho('z'.repeat(200))).toBe('z'.repeat(200));
    expect(cutEcho(`a 'abcdef' b 'ghij'`, 4)).toBe(`a 'abc…' b 'ghij'`);
  });
});

describe('link slice', () => {
  it('adds problems in order, cut, keeps repeats, ignores an empty list, and dismiss clears them', () => {
    const { store } = testStore();
    const link = () => store.getState().link;
    expect(link().problems).toEqual([]);
    const before = link().problems;
    link().addProblems([]);
    expect(link().problems).toBe(before);
    link().addProblems([`loss 'bogus' is not one of nce`, `query '${'q'.repeat(100)}' is bad`]);
    link().addProblems([`loss 'bogus' is not one of nce`]);
    expect(link().problems).toEqual([
      `loss 'bogus' is not one of nce`, `query '${'q'.repeat(79)}…' is bad`, `loss 'bogus' is not one of nce`,
    ]);
    link().setFileProblem('cardio.mat', 'open cardio.mat');
    link().dismiss();
    expect(link().problems).toEqual([]);
    expect(link().fileProblem).toBe(null);
  });

  it('the file problem is dropped when that file (same stem, any case) is opened, and only then', () => {
    const { store } = testStore();
    const link = () => store.getState().link;
    link().addProblems(['seed was empty']);
    const text = `This link was made with the file '${'C'.repeat(90)}.mat', which is not on this site`;
    link().setFileProblem('Cardio.mat', text);
    expect(link().fileProblem).toEqual({ name: 'Cardio.mat', text });
    expect(link().problems).toEqual(['seed was empty', cutEcho(text)]);
    link().fileLoaded('glass.csv');
    expect(link().fileProblem).toEqual({ name: 'Cardio.mat', text });
    expect(link().problems).toHaveLength(2);
    link().fileLoaded('cardio.csv');
    expect(link().fileProblem).toBe(null);
    expect(link().problems).toEqual(['seed was empty']);
    // nothing asked for: opening a file changes nothing
    link().fileLoaded('cardio.mat');
    expect(link().problems).toEqual(['seed was empty']);
  });

  it('hiding controls writes the address once per change, setting keys in table order, extras after', () => {
    const { store, hrefs } = testStore();
    const link = () => store.getState().link;
    expect(link().href()).toBe('http://lab/');
    link().writeUrl(); // already the address: nothing written
    expect(hrefs).toEqual([]);
    link().setHidden(new Set(['share', 'seed', 'loss']));
    expect([...store.getState().lab.hidden]).toEqual(['share', 'seed', 'loss']);
    expect(hrefs).toEqual(['http://lab/?hide=loss,seed,share']);
    link().writeUrl();
    expect(hrefs).toHaveLength(1);
    link().setHidden(new Set());
    expect(hrefs).toEqual(['http://lab/?hide=loss,seed,share', 'http://lab/']);
  });

  it('the copied link holds non-default settings, hidden controls, page parameters and the hash', async () => {
    const hrefs: string[] = [];
    const { store } = testStore({
      url: { write: (h) => hrefs.push(h), location: () => ({ origin: 'https://x.org', pathname: '/lab/', hash: '#cmp', href: hrefs[hrefs.length - 1] ?? 'https://x.org/lab/#cmp' }) },
    });
    const link = () => store.getState().link;
    expect(link().href()).toBe('https://x.org/lab/#cmp');
    link().setPage([['probe', 'all'], ['test', 'a b']]);
    expect(link().page).toEqual([['probe', 'all'], ['test', 'a b']]);
    expect(hrefs).toEqual([]); // setPage alone does not write
    expect(link().href()).toBe('https://x.org/lab/?probe=all&test=a%20b#cmp');
    await store.getState().lab.applySettings({ seed: 7, loss: 'dsad' });
    expect(hrefs).toEqual(['https://x.org/lab/?loss=dsad&seed=7&probe=all&test=a%20b#cmp']);
    link().setHidden(new Set(['import']));
    expect(link().href()).toBe('https://x.org/lab/?loss=dsad&seed=7&hide=import&probe=all&test=a%20b#cmp');
    expect(hrefs[hrefs.length - 1]).toBe(link().href());
  });

  it('without an address bar the link is a bare query and writeUrl does nothing', () => {
    const { store, hrefs } = testStore({ url: undefined });
    const link = () => store.getState().link;
    link().setHidden(new Set(['query']));
    expect(link().href()).toBe('/?hide=query');
    expect(hrefs).toEqual([]);
  });
});
