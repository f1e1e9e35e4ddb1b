import { formatPrepLink, parsePrepLink } from '../io/preprocess/link';
import type { PrepOptions } from '../io/preprocess/options';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, configOverrides, parseUrl, toUrl } from './urlState';
import type { LabSettings } from './urlState';

describe('toUrl', () => {
  it('writes nothing for the defaults', () => {
    expect(toUrl(DEFAULT_SETTINGS, new Set())).toBe('');
  });

  it('writes only non-defaults, in table order, hide last', () => {
    const s: LabSettings = { ...DEFAULT_SETTINGS, seed: 7, loss: 'dsad', pollution: 0.05, oracle: 'human' };
    expect(toUrl(s, new Set(['query', 'loss']))).toBe('?loss=dsad&pollution=0.05&seed=7&oracle=human&hide=loss,query');
  });

  it('orders hidden controls stably whatever the insertion order', () => {
    expect(toUrl(DEFAULT_SETTINGS, ['copyLink', 'seed', 'backend', 'about'])).toBe('?hide=seed,backend,about,copyLink');
  });
});

describe('parseUrl', () => {
  it('gives the defaults and no problems for an empty query', () => {
    expect(parseUrl('')).toEqual({ settings: DEFAULT_SETTINGS, hidden: new Set(), problems: [] });
    expect(parseUrl('?')).toEqual({ settings: DEFAULT_SETTINGS, hidden: new Set(), problems: [] });
  });

  it('reads every kind of value', () => {
    const r = parseUrl('?dataset=glass&loss=soft_boundary_uai&query=mlp&pseudo=0&pollution=.1&seed=42&preset=paper&k=15&backend=wasm&oracle=human&compare=abs,random~nce~1-2,5~paper~ps1&present=1&hide=seed,k');
    expect(r.problems).toEqual([]);
    expect(r.settings).toEqual({
      dataset: 'glass', prep: '', loss: 'soft_boundary_uai', query: 'mlp', pseudo: false, pollution: 0.1, seed: 42,
      preset: 'paper', k: 15, backend: 'wasm', oracle: 'human', compare: 'abs,random~nce~1-2,5~paper~ps1', present: true,
    });
    expect([...r.hidden]).toEqual(['seed', 'k']);
  });

  it('round-trips settings and hidden controls', () => {
    const cases: Array<[LabSettings, string[]]> = [
      [DEFAULT_SETTINGS, []],
      [{ ...DEFAULT_SETTINGS, pseudo: false, k: 3, pollution: 1, preset: 'paper' }, ['pseudo']],
      [{ dataset: 'mnist-lite', prep: 'label:class~anomaly:a%7Eb~drop:id,x%2Cy~missing:drop-rows~indicator~maxcat:10~beyond:codes', loss: 'one_class', query: 'no', pseudo: false, pollution: 0.029, seed: 4294967295,
        preset: 'paper', k: 'auto', backend: 'webgpu', oracle: 'human', compare: 'margin,density~nce,dsad~7~interactive~ps0', present: true }, ['dataset', 'loss', 'query', 'oracle']],
      [{ ...DEFAULT_SETTINGS, dataset: 'my_data.v2', pollution: 1e-7 }, []],
    ];
    for (const [settings, hidden] of cases) {
      const url = toUrl(settings, new Set(hidden));
      expect(parseUrl(url)).toEqual({ settings, hidden: new Set(hidden), problems: [] });
      // and the URL is a fixed point
      const again = parseUrl(url);
      expect(toUrl(again.settings, again.hidden)).toBe(url);
    }
  });

  it('reports unknown parameters and keeps the rest', () => {
    const r = parseUrl('?lr=0.1&seed=3&foo');
    expect(r.settings).toEqual({ ...DEFAULT_SETTINGS, seed: 3 });
    expect(r.problems).toEqual(["Unknown parameter 'lr' was ignored", "Unknown parameter 'foo' was ignored"]);
  });

  it('reports a bad comparison selection and keeps the panel defaults', () => {
    const r = parseUrl('?compare=abs~nce~1-x~paper~ps1');
    expect(r.settings.compare).toBe('');
    expect(r.problems).toEqual(["compare: seeds: '1-x' is not a seed or a range of seeds (write 7 or 1-5).; the default was used"]);
  });

  it('reports each invalid value with the allowed ones, and uses the default', () => {
    const r = parseUrl('?loss=foo&query=MLP&pseudo=maybe&pollution=0&seed=-1&k=0&backend=metal&oracle=robot&preset=x&dataset=../etc');
    expect(r.settings).toEqual(DEFAULT_SETTINGS);
    expect(r.problems).toEqual([
      "loss 'foo' is not one of soft_boundary, one_class, dsad, nce, soft_boundary_nce, one_class_uai, soft_boundary_uai; the default was used",
      "query 'MLP' is not one of random, mlp, db, abs, no, margin, diverse, density; the default was used",
      "pseudo 'maybe' is not true or false; the default was used",
      "pollution '0' is not 'full' or a number greater than 0 and at most 1; the default was used",
      "seed '-1' is not a whole number from 0 to 4294967295; the default was used",
      "k (queries per round) '0' is not 'auto' or a whole number from 1 to 100000; the default was used",
      "backend 'metal' is not one of auto, webgpu, webgl, wasm, cpu; the default was used",
      "oracle 'robot' is not one of human, simulated; the default was used",
      "preset 'x' is not one of paper, interactive; the default was used",
      "dataset '../etc' is not a valid name (letters, digits, '.', '_' or '-', at most 64 characters); the default was used",
    ]);
  });

  it('rejects numbers JavaScript would accept loosely', () => {
    for (const t of ['0x10', '1e2', '2.5', ' 3', 'Infinity']) {
      expect(parseUrl(`seed=${encodeURIComponent(t)}`).settings.seed).toBe(1);
    }
    for (const t of ['1.5', '-0.1', 'NaN', '0x1', '']) {
      expect(parseUrl(`pollution=${t}`).settings.pollution).toBe('full');
    }
  });

  it('reports empty values, repeated parameters and unknown hidden controls', () => {
    const r = parseUrl('seed=&loss=dsad&loss=nce&hide=loss,,bogus', { extraHideable: ['copyLink'] });
    expect(r.settings).toEqual(DEFAULT_SETTINGS);
    expect([...r.hidden]).toEqual(['loss']);
    expect(r.problems).toEqual([
      "Parameter 'loss' was given 2 times; the last value was used",
      'seed was empty; the default (1) was used',
      "hide: unknown control 'bogus' was ignored (known: dataset, loss, query, pseudo, pollution, seed, preset, k, backend, oracle, compare, present, copyLink)",
    ]);
    expect([...parseUrl('hide=copyLink', { extraHideable: ['copyLink'] }).hidden]).toEqual(['copyLink']);
  });

  it('checks the dataset against the known names when given', () => {
    const r = parseUrl('dataset=cardio', { datasets: ['ionosphere', 'glass'] });
    expect(r.settings.dataset).toBe('ring');
    expect(r.problems).toEqual(["dataset 'cardio' is not one of ionosphere, glass; the default was used"]);
    expect(parseUrl('dataset=glass', { datasets: ['ionosphere', 'glass'] }).problems).toEqual([]);
  });

  it('accepts pseudo spelled several ways', () => {
    expect(parseUrl('pseudo=FALSE').settings.pseudo).toBe(false);
    expect(parseUrl('pseudo=off').settings.pseudo).toBe(false);
    expect(parseUrl('pseudo=yes').settings.pseudo).toBe(true);
  });
});

describe('configOverrides', () => {
  it('maps the settings to engine config fields', () => {
    const sizes = { hDims: [32], repDim: 16, batchSize: 128, k: 10 };
    expect(configOverrides({ ...DEFAULT_SETTINGS, k: 5, seed: 9, pollution: 0.02 }, sizes)).toEqual({
      loss: 'nce', query: 'abs', pseudo: true, seed: 9, pollution: 0.02, sizes: { hDims: [32], repDim: 16, batchSize: 128, k: 5 },
    });
    expect(configOverrides(DEFAULT_SETTINGS, sizes)).toEqual({ loss: 'nce', query: 'abs', pseudo: true, seed: 1, pollution: null });
  });
});

describe('the import choices in the link (prep=)', () => {
  it('round-trips every choice, names with the separators included, and reads the same from the address', () => {
    const o: PrepOptions = {
      labelColumn: 'class: a~b', normalValue: 'normal', exclude: ['id', 'time,stamp', '50%'], include: ['when'],
      missing: 'drop-columns', maxCategories: 7, beyondCap: 'codes', keepConstant: true,
    };
    const text = formatPrepLink(o);
    expect(text).toBe('label:class%3A a%7Eb~normal:normal~drop:id,time%2Cstamp,50%25~include:when~missing:drop-columns~maxcat:7~beyond:codes~constant');
    expect(parsePrepLink(text)).toEqual(o);
    const url = toUrl({ ...DEFAULT_SETTINGS, dataset: 'glass', prep: text });
    expect(url).toBe('?dataset=glass&prep=label:class%253A%20a%257Eb~normal:normal~drop:id,time%252Cstamp,50%2525~include:when~missing:drop-columns~maxcat:7~beyond:codes~constant');
    const back = parseUrl(url);
    expect(back.problems).toEqual([]);
    expect(parsePrepLink(back.settings.prep)).toEqual(o);
    expect(formatPrepLink({ labelColumn: null, missingIndicator: true, missing: 'impute', maxCategories: 50 })).toBe('nolabel~indicator');
  });

  it('reports a bad piece by name and keeps the defaults', () => {
    const cases: Array<[string, string]> = [
      ['missing:guess', "prep 'missing:guess': missing 'guess' is not one of impute, drop-rows, drop-columns; the default was used"],
      ['maxcat:1', "prep 'maxcat:1': maxcat '1' is not a whole number from 2 to 1000; the default was used"],
      ['colour:red', "prep 'colour:red': 'colour' is not an import choice (label, nolabel, anomaly, normal, drop, include, missing, indicator, maxcat, beyond, constant); the default was used"],
      ['anomaly:a~normal:b', "prep 'anomaly:a~normal:b': give anomaly or normal, not both; the default was used"],
      ['drop:a~drop:b', "prep 'drop:a~drop:b': drop is given twice; the default was used"],
      ['label:', "prep 'label:': label needs a value (label:...); the default was used"],
      ['beyond:keep', "prep 'beyond:keep': beyond 'keep' is not one of drop, codes; the default was used"],
    ];
    for (const [text, problem] of cases) {
      const r = parseUrl(`?prep=${encodeURIComponent(text)}`);
      expect(r.settings.prep).toBe('');
      expect(r.problems).toEqual([problem]);
    }
    expect(parseUrl('?hide=prep').problems[0]).toContain("hide: unknown control 'prep' was ignored");
  });
});
