import { describe, expect, it } from 'vitest';
import { configs, results } from '../../engine/resultTable.test';
import { aggregate, CSV_HEADER, SUMMARY_CSV_HEADER, summaryCsv, tableCsv } from './table';

describe('comparison CSV', () => {
  it('writes a long-format CSV with every metric and a fixed header', () => {
    const lines = tableCsv(aggregate(configs, results)).split('\n');
    expect(lines[0]).toBe(CSV_HEADER.join(','));
    expect(lines[0]).toContain('pauc_fpr005_mcclish_x100_mean');
    // stage 0 of abs: AUROC 85 +- 5, AP 60 +- 10, unlabelled = AUROC, pAUC 42.5 +- 2.5, found 0, no precision, 2 s
    expect(lines[1]).toBe('one-class + NCE / adaptive boundary search / pseudo 1,nce/abs/ps1,0,0,2,85,5,60,10,85,5,42.5,2.5,0,0,,,0,2');
    expect(lines[2]).toBe('one-class + NCE / adaptive boundary search / pseudo 1,nce/abs/ps1,1,6,2,95,0,70,10,95,0,47.5,0,2,1,33.3333,16.6667,1,1');
    expect(lines).toHaveLength(5);
  });
  it('writes the learning-curve summaries', () => {
    const lines = summaryCsv(aggregate(configs, results)).split('\n');
    expect(lines[0]).toBe(SUMMARY_CSV_HEADER.join(','));
    expect(lines[1]).toBe('one-class + NCE / adaptive boundary search / pseudo 1,nce/abs/ps1,auroc,2,85,95,92.5,5');
  });
});
