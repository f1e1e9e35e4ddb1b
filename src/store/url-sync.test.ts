import { describe, expect, it } from 'vitest';
import { EXTERNAL_DATASETS } from '../io/catalogue';
import { SYNTHETIC } from '../engine/synthetic';
import { linkFor, readLink, resolveDataset } from './url-sync';
import { DEFAULT_SETTINGS } from './urlState';

describe('readLink', () => {
  it('reads settings and hidden controls, keeps page parameters aside', () => {
    const r = readLink('?dataset=ring&seed=7&hide=loss,backend,share&probe=all', SYNTHETIC);
    expect(r.settings.seed).toBe(7);
    expect(r.settings.dataset).toBe('ring');
    expect([...r.hidden]).toEqual(['loss', 'backend', 'share']);
    expect(r.page).toEqual([['probe', 'all']]);
    expect(r.problems).toEqual([]);
    expect(r.dataset).toBeNull();
  });
  it('defers a non-generated dataset to the manifest check and uses the default meanwhile', () => {
    const r = readLink('?dataset=glass', SYNTHETIC);
    expect(r.dataset).toBe('glass');
    expect(r.settings.dataset).toBe(DEFAULT_SETTINGS.dataset);
  });
  it('reports bad parameters one sentence each', () => {
    const r = readLink('?seed=-1&colour=red', SYNTHETIC);
    expect(r.problems).toEqual([
      "seed '-1' is not a whole number from 0 to 4294967295; the default was used",
      "Unknown parameter 'colour' was ignored",
    ]);
  });
});

describe('resolveDataset', () => {
  it('accepts bundled names and explains the paper files and own files', () => {
    expect(resolveDataset('glass', ['glass'], EXTERNAL_DATASETS)).toEqual({ dataset: 'glass', problem: null });
    expect(resolveDataset('cardio.mat', ['glass'], EXTERNAL_DATASETS).problem).toMatch(/Cardiotocography \(ODDS\), which you load yourself: open cardio\.mat/);
    expect(resolveDataset('sensors.csv', [], EXTERNAL_DATASETS).problem).toMatch(/the file sensors\.csv, which is not on this site/);
    expect(resolveDataset('nope', [], EXTERNAL_DATASETS).problem).toBe("dataset 'nope' is not one of this lab's datasets; the default (ring) was used");
  });
});

describe('linkFor', () => {
  it('writes only non-default settings, the hidden controls and page parameters', () => {
    const url = linkFor({ ...DEFAULT_SETTINGS, seed: 7, loss: 'one_class' }, ['backend', 'loss'], { origin: 'http://h', pathname: '/lab/' }, [['probe', 'all']]);
    expect(url).toBe('http://h/lab/?loss=one_class&seed=7&hide=loss,backend&probe=all');
    expect(linkFor(DEFAULT_SETTINGS, [], { origin: 'http://h', pathname: '/' })).toBe('http://h/');
  });
});
