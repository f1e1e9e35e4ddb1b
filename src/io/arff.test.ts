import { describe, expect, it } from 'vitest';
import { parseArff, splitArffRow } from './arff';
import { importFile } from './importFile';
import { importError, text } from './testing/expectError';

// an ionosphere-like file: the second attribute constant (as in UCI), class g(ood)/b(ad)
const IONO = `% a tiny ionosphere
@relation ionosphere

@attribute a01 numeric
@attribute a02 numeric
@attribute 'a 03' real
@attribute "a04" integer
@attribute class {g,b}

@data
1,0,0.99539,3,g
1,0,-0.18829,4,b
0,0,0.5,5,'g'
1,0,1,6,b
`;

describe('ARFF', () => {
  it('reads numeric attributes as features and the nominal class as the label (b = anomaly)', async () => {
    const r = await importFile('ionosphere.arff', text(IONO));
    expect(r.format).toBe('arff');
    expect(r.labelColumn).toBe('class');
    expect(r.anomalyValue).toBe('b');
    expect(r.data.featureNames).toEqual(['a01', 'a 03', 'a04']);
    expect(r.data.n).toBe(4);
    expect(Array.from(r.data.values)).toEqual([1, 0.99539, 3, 1, -0.18829, 4, 0, 0.5, 5, 1, 1, 6]);
    expect(Array.from(r.data.labels!)).toEqual([0, 1, 0, 1]);
    expect(r.notices).toContain('Dropped 1 constant column: a02.');
  });

  it('lets the user choose g as the anomaly value', async () => {
    const r = await importFile('ionosphere.arff', text(IONO), { anomalyValue: 'g' });
    expect(Array.from(r.data.labels!)).toEqual([1, 0, 1, 0]);
  });

  it('one-hot encodes other nominal attributes and drops an all-distinct string one, with notices', async () => {
    const src = `@relation kdd\n@attribute dur numeric\n@attribute proto {tcp,udp}\n@attribute note string\n@attribute class {normal,anomaly}\n@data\n1,tcp,'x y',normal\n2,udp,z,anomaly\n3,tcp,w,normal\n`;
    const r = await importFile('kdd.arff', text(src));
    expect(r.data.featureNames).toEqual(['dur', 'proto=tcp', 'proto=udp']);
    expect(Array.from(r.data.values)).toEqual([1, 1, 0, 2, 0, 1, 3, 1, 0]);
    expect(r.labelColumn).toBe('class');
    expect(Array.from(r.data.labels!)).toEqual([0, 1, 0]);
    expect(r.notices).toEqual(['One-hot encoded 1 categorical column (names column=value): proto (2 values).', 'Dropped 1 text or id column: note (3 values).']);
  });

  it('reads sparse rows (omitted values are 0)', async () => {
    const src = `@relation s\n@attribute a numeric\n@attribute b numeric\n@attribute c numeric\n@data\n{0 1, 2 3}\n{1 5}\n`;
    const r = await importFile('s.arff', text(src));
    expect(Array.from(r.data.values)).toEqual([1, 0, 3, 0, 5, 0]);
  });

  it('a ? missing value is imputed with the median, naming its line and attribute', async () => {
    const src = IONO.replace('0,0,0.5,5,', '0,0,?,5,');
    const r = await importFile('miss.arff', text(src));
    expect(Array.from(r.data.values)).toEqual([1, 0.99539, 3, 1, -0.18829, 4, 0, 0.99539, 5, 1, 1, 6]);
    expect(r.notices).toContain('Imputed missing values (choose "drop rows" or "drop columns" to do otherwise): a 03: 1 cell (row 13) with the median 0.99539.');
  });

  it('a non-numeric value in a numeric attribute', async () => {
    const e = await importError('nn.arff', IONO.replace('1,0,1,6,b', '1,0,one,6,b'));
    expect(e.code).toBe('NON_NUMERIC');
    expect(e.row).toBe(14);
  });

  it('no @data section', async () => {
    const e = await importError('nodata.arff', '@relation r\n@attribute a numeric\n');
    expect(e.code).toBe('HEADER_ONLY');
  });

  it('a ragged data row', async () => {
    const e = await importError('rag.arff', '@relation r\n@attribute a numeric\n@attribute b numeric\n@data\n1,2\n3\n');
    expect(e.code).toBe('RAGGED');
    expect(e.row).toBe(6);
  });

  it('duplicate attribute names', async () => {
    const e = await importError('dup.arff', '@relation r\n@attribute a numeric\n@attribute a numeric\n@data\n1,2\n3,4\n');
    expect(e.code).toBe('DUPLICATE_HEADER');
  });

  it('an unknown attribute type', async () => {
    const e = await importError('rel.arff', '@relation r\n@attribute a relational\n@data\n');
    expect(e.code).toBe('UNSUPPORTED');
    expect(e.row).toBe(2);
  });

  it('splits quoted values with commas', () => {
    expect(splitArffRow(`1, 'a,b' ,"c\\"d"`, 1)).toEqual(['1', 'a,b', 'c"d']);
  });

  it('keeps the relation name', () => {
    expect(parseArff(IONO).relation).toBe('ionosphere');
  });
});
