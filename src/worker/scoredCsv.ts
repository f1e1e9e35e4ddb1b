// A scored file's record and its CSV, apart from the scoring (the page formats the CSV without the tensor engine).
import { toCsv, formatFloat32 } from '../io/export';

export interface ScoredFile {
  fileName: string;
  n: number;
  /** the file's line (text) or row number of each scored row */
  rows: number[];
  scores: Float32Array;
  /** 1 = the highest score (most anomalous) */
  rank: Int32Array;
  /** R^2 when the model has a radius (soft-boundary losses), else null */
  radius2: number | null;
  /** percent of training scores at or below each score */
  trainPercentile: Float32Array;
  trainQuantiles: number[];
  notices: string[];
}

/** row, score, rank, outside_R (1/0, empty without a radius), train_percentile. */
export function scoredCsv(r: ScoredFile): string {
  const rows = function* () {
    for (let i = 0; i < r.n; i++) {
      const s = r.scores[i]!;
      yield [r.rows[i]!, Number(formatFloat32(s)), r.rank[i]!, r.radius2 === null ? null : s > r.radius2 ? 1 : 0, Number(r.trainPercentile[i]!.toFixed(1))];
    }
  };
  return toCsv(['row', 'score', 'rank', 'outside_R', 'train_percentile'], rows());
}
