import { describe, expect, it } from 'vitest';
import { detectDelimiter, detectHeader, parseCsv } from './csv';
import { importFile } from './importFile';
import { text } from './testing/expectError';

describe('CSV good paths', () => {
  it('reads a header, features and a 0/1 label column', async () => {
    const r = await importFile('tiny.csv', text('f0,f1,label\n1,2,0\n3,4,1\n5,7,0\n'));
    expect(r.format).toBe('csv');
    expect(r.delimiter).toBe(',');
    expect(r.hasHeader).toBe(true);
    expect(r.labelColumn).toBe('label');
    expect(r.anomalyValue).toBe('1');
    expect(r.data.name).toBe('tiny');
    expect(r.data.n).toBe(3);
    expect(r.data.d).toBe(2);
    expect(r.data.featureNames).toEqual(['f0', 'f1']);
    expect(Array.from(r.data.values)).toEqual([1, 2, 3, 4, 5, 7]);
    expect(Array.from(r.data.labels!)).toEqual([0, 1, 0]);
    expect(r.columns).toEqual(['f0', 'f1', 'label']);
    expect(r.notices).toEqual([]);
  });

  it('reads a file without header, taking a binary last column as the label with a notice', async () => {
    const r = await importFile('nohead.csv', text('1,2.5,0\n3,-4e-1,1\n5,6,0\n'));
    expect(r.hasHeader).toBe(false);
    expect(r.data.featureNames).toEqual(['f0', 'f1']);
    expect(Array.from(r.data.values)).toEqual([1, 2.5, 3, -0.4, 5, 6]);
    expect(Array.from(r.data.labels!)).toEqual([0, 1, 0]);
    expect(r.labelColumn).toBe('f2');
    expect(r.notices.join(' ')).toContain('Used the last column as the label column');
  });

  it('keeps a non-binary last column as a feature when there is no header', async () => {
    const r = await importFile('nolabel.csv', text('1,2,7\n3,4,8\n5,6,9\n'));
    expect(r.labelColumn).toBeNull();
    expect(r.data.labels).toBeNull();
    expect(r.data.d).toBe(3);
  });

  it('honours hasHeader: false even when the first row is text-like', async () => {
    const r = await importFile('x.csv', text('a,b\n1,2\n3,4\n'), { hasHeader: false });
    expect(r.data.n).toBe(3);
    expect(r.data.featureNames).toEqual(['f0=1', 'f0=3', 'f0=a', 'f1=2', 'f1=4', 'f1=b']);
    expect(r.notices).toContain('Column "f0" is mostly numbers but holds "a" (row 1), so it was read as categories.');
  });

  it('detects semicolons and text labels (normal/anomaly)', async () => {
    const r = await importFile('semi.csv', text('x;y;class\n1.5;2;normal\n3;4;anomaly\n2;1;normal\n'));
    expect(r.delimiter).toBe(';');
    expect(r.labelColumn).toBe('class');
    expect(r.anomalyValue).toBe('anomaly');
    expect(Array.from(r.data.values)).toEqual([1.5, 2, 3, 4, 2, 1]);
    expect(Array.from(r.data.labels!)).toEqual([0, 1, 0]);
  });

  it('detects tabs and reports the format as tsv', async () => {
    const r = await importFile('t.tsv', text('a\tb\ttarget\n1\t2\tyes\n3\t4\tno\n5\t0\tno\n'));
    expect(r.format).toBe('tsv');
    expect(r.delimiter).toBe('\t');
    expect(r.labelColumn).toBe('target');
    expect(Array.from(r.data.labels!)).toEqual([1, 0, 0]);
  });

  it('detects pipes', async () => {
    const r = await importFile('p.txt', text('a|b\n1|2\n3|4\n'));
    expect(r.delimiter).toBe('|');
    expect(Array.from(r.data.values)).toEqual([1, 2, 3, 4]);
  });

  it('uses the label column the user picks, and the anomaly value the user picks', async () => {
    const csv = 'g,f,label\n1,10,0\n0,20,1\n1,30,0\n';
    const r = await importFile('pick.csv', text(csv), { labelColumn: 'g', anomalyValue: '0' });
    expect(r.labelColumn).toBe('g');
    expect(r.data.featureNames).toEqual(['f', 'label']);
    expect(Array.from(r.data.labels!)).toEqual([0, 1, 0]);
    expect(Array.from(r.data.values)).toEqual([10, 0, 20, 1, 30, 0]);
  });

  it('loads without labels when labelColumn is null (the label column becomes a feature)', async () => {
    const r = await importFile('nl.csv', text('a,b,label\n1,2,0\n3,4,1\n5,6,0\n'), { labelColumn: null });
    expect(r.labelColumn).toBeNull();
    expect(r.anomalyValue).toBeNull();
    expect(r.data.labels).toBeNull();
    expect(r.data.featureNames).toEqual(['a', 'b', 'label']);
  });

  it('turns a multi-class column into one-vs-rest when the user names the anomaly value', async () => {
    const r = await importFile('glass.csv', text('ri,type\n1.5,1\n1.6,6\n1.7,2\n1.4,6\n'), { labelColumn: 'type', anomalyValue: '6' });
    expect(Array.from(r.data.labels!)).toEqual([0, 1, 0, 1]);
    expect(r.notices.join(' ')).toContain('"6" means anomaly; the other 2 values ("1", "2") all mean normal');
  });

  it('treats 1.0 and 1 as the same label value', async () => {
    const r = await importFile('f.csv', text('a,y\n1,1.0\n2,0.0\n3,1\n'));
    expect(Array.from(r.data.labels!)).toEqual([1, 0, 1]);
  });

  it('handles a BOM, CRLF line ends, quoted cells and blank lines', async () => {
    const r = await importFile('crlf.csv', text('\ufeff"a","b, c",label\r\n"1",2,0\r\n\r\n3,"4",1\r\n'));
    expect(r.data.featureNames).toEqual(['a', 'b, c']);
    expect(Array.from(r.data.values)).toEqual([1, 2, 3, 4]);
    expect(Array.from(r.data.labels!)).toEqual([0, 1]);
  });

  it('ignores an empty last column made by a trailing delimiter, with a notice', async () => {
    const r = await importFile('trail.csv', text('a,b,\n1,2,\n3,5,\n'));
    expect(r.data.featureNames).toEqual(['a', 'b']);
    expect(r.notices.join(' ')).toContain('empty last column');
  });

  it('drops constant columns with a notice naming them', async () => {
    const r = await importFile('const.csv', text('a,b,c,d\n1,5,2,9\n1,6,2,8\n1,7,2,7\n'));
    expect(r.data.featureNames).toEqual(['b', 'd']);
    expect(Array.from(r.data.values)).toEqual([5, 9, 6, 8, 7, 7]);
    expect(r.notices).toContain('Dropped 2 constant columns: a, c.');
  });

  it('keeps a feature name with markup as a plain string', async () => {
    const name = '<img src=x onerror=alert(1)>';
    const r = await importFile('xss.csv', text(`"${name}",b\n1,2\n3,4\n`));
    expect(r.data.featureNames[0]).toBe(name);
  });

  it('reads UTF-16 text with a BOM, as Excel saves "Unicode text"', async () => {
    const s = '\ufeffa\tb\n1\t2\n3\t4\n';
    const bytes = new Uint8Array(s.length * 2);
    for (let i = 0; i < s.length; i++) bytes[i * 2] = s.charCodeAt(i) & 0xff, (bytes[i * 2 + 1] = s.charCodeAt(i) >> 8);
    const r = await importFile('excel.txt', bytes);
    expect(r.delimiter).toBe('\t');
    expect(Array.from(r.data.values)).toEqual([1, 2, 3, 4]);
  });

  it('reads Windows-1252 text with a notice', async () => {
    const bytes = Uint8Array.from([...text('caf'), 0xe9, ...text(',b\n1,2\n3,4\n')]);
    const r = await importFile('latin.csv', bytes);
    expect(r.data.featureNames).toEqual(['café', 'b']);
    expect(r.notices.join(' ')).toContain('Windows-1252');
  });
});

describe('delimiter and header detection', () => {
  it('picks the delimiter that splits lines consistently', () => {
    expect(detectDelimiter('a;b;c\n1;2;3\n')).toBe(';');
    expect(detectDelimiter('a,b\n"1;2",3\n')).toBe(',');
    expect(detectDelimiter('a\tb\n1\t2\n')).toBe('\t');
    expect(detectDelimiter('single\n1\n2\n')).toBe(',');
  });
  it('calls a first row a header only when it has more text cells than later rows', () => {
    expect(detectHeader([['a', 'b'], ['1', '2']])).toBe(true);
    expect(detectHeader([['1', '2'], ['3', '4']])).toBe(false);
    expect(detectHeader([['1', 'g'], ['3', 'b']])).toBe(false);
    expect(detectHeader([['x', 'class'], ['3', 'b']])).toBe(true);
  });
  it('numbers rows as lines, skipping blank lines without renumbering', () => {
    const p = parseCsv('a,b\n1,2\n\n3,4\n');
    expect(p.table.rowNumbers).toEqual([2, 4]);
    expect(p.table.headerRow).toBe(1);
  });
});

describe('label column names', () => {
  it('keeps y as a feature when it is a coordinate (many values)', async () => {
    const r = await importFile('points.csv', text('x,y\n0.5,1.5\n1,2\n-1,0.25\n'));
    expect(r.labelColumn).toBeNull();
    expect(r.data.featureNames).toEqual(['x', 'y']);
  });
  it('takes y as the label when it holds 0 and 1', async () => {
    const r = await importFile('xy.csv', text('a,b,y\n0.5,1.5,0\n1,2,1\n-1,0.25,0\n'));
    expect(r.labelColumn).toBe('y');
    expect(Array.from(r.data.labels!)).toEqual([0, 1, 0]);
  });
  it('prefers a column named label over one named y', async () => {
    const r = await importFile('both.csv', text('x,y,label\n1,0,0\n2,1,1\n3,1,0\n'));
    expect(r.labelColumn).toBe('label');
    expect(r.data.featureNames).toEqual(['x', 'y']);
  });
});

describe('normal-vs-rest labels', () => {
  it('one "normal" word among several names: every other value is an anomaly', async () => {
    const r = await importFile('kdd.csv', text('a,label\n1,normal\n2,neptune\n3,normal\n4,smurf\n'));
    expect(Array.from(r.data.labels!)).toEqual([0, 1, 0, 1]);
    expect(r.anomalyValue).toBeNull();
    expect(r.notices.join(' ')).toContain('"normal" means normal; the other 2 values ("neptune", "smurf") mean anomaly');
  });
  it('the user names the normal value of a numeric multi-class column', async () => {
    const r = await importFile('digits.csv', text('a,label\n1,3\n2,0\n3,5\n4,3\n'), { normalValue: '3' });
    expect(Array.from(r.data.labels!)).toEqual([0, 1, 1, 0]);
  });
});

describe('constant columns', () => {
  const csv = 'a,b,c,label\n1,5,0,0\n2,5,0,1\n3,5,0,0\n';
  it('are dropped with a notice by default', async () => {
    const r = await importFile('k.csv', text(csv));
    expect(r.data.featureNames).toEqual(['a']);
    expect(r.notices).toContain('Dropped 2 constant columns: b, c.');
  });
  it('are kept on request (the paper protocol; image pixels)', async () => {
    const r = await importFile('k.csv', text(csv), { keepConstant: true });
    expect(r.data.d).toBe(3);
    expect(Array.from(r.data.values)).toEqual([1, 5, 0, 2, 5, 0, 3, 5, 0]);
    expect(r.notices.some((n) => n.includes('constant'))).toBe(false);
  });
  it('still refuse a table where every column is constant', async () => {
    await expect(importFile('k.csv', text('a,label\n1,0\n1,1\n'), { keepConstant: true })).rejects.toThrow(/single value/);
  });
});
