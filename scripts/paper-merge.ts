// Result folders merged into one set (shards from other machines, reruns), and the runs' cost with an idle-machine projection.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { median } from '../src/engine/metrics';
import { STAGE_SECONDS } from './paper-grid';
import type { ResultFile } from './paper-worker';

export interface Loaded {
  results: ResultFile[];
  /** files that do not parse, as dir-relative paths */
  bad: string[];
  /** the same (dataset, configuration, seed) in two folders with the same numbers (all but the timings): kept once */
  duplicates: number;
  /** the same run with different numbers: the first folder's is kept, and the report says so */
  conflicts: string[];
}

const idOf = (r: ResultFile) => `${r.dataset} ${r.key} seed ${r.seed}`;
/** Every number of a run but its timings (JSON keeps doubles exactly): what a rerun must repeat bit for bit. */
const numbersOf = (r: ResultFile) => JSON.stringify([r.run.stages.map(({ seconds: _, ...rest }) => rest), r.run.summary, r.run.collapsed]);
const sameRun = (a: ResultFile, b: ResultFile) => numbersOf(a) === numbersOf(b);

function readDir(dir: string, results: ResultFile[], bad: string[]): void {
  let dsDirs: string[] = [];
  try { dsDirs = readdirSync(dir).filter((d) => statSync(join(dir, d)).isDirectory()); } catch { return; }
  for (const d of dsDirs) {
    for (const f of readdirSync(join(dir, d)).filter((x) => x.endsWith('.json')).sort()) {
      try {
        const r = JSON.parse(readFileSync(join(dir, d, f), 'utf8')) as ResultFile;
        if (!r.run?.stages?.length || typeof r.key !== 'string') throw new Error('not a result');
        results.push(r);
      } catch { bad.push(join(d, f)); }
    }
  }
}

/** Every result file under each folder (dataset folders of *.json); a file that does not parse is reported, not trusted. */
export function loadResults(dirs: string | string[]): Loaded {
  const out: Loaded = { results: [], bad: [], duplicates: 0, conflicts: [] };
  const seen = new Map<string, ResultFile>();
  const list = typeof dirs === 'string' ? [dirs] : dirs;
  // merging: a folder that is not there is a typo, not an empty shard
  const gone = list.length > 1 ? list.filter((d) => !existsSync(d)) : [];
  if (gone.length) throw new Error(`--out: no folder ${gone.join(', ')} among the ${list.length} to merge.`);
  for (const dir of list) {
    const rs: ResultFile[] = [];
    readDir(dir, rs, out.bad);
    for (const r of rs) {
      const prev = seen.get(idOf(r));
      if (!prev) { seen.set(idOf(r), r); out.results.push(r); continue; }
      if (!sameRun(prev, r)) { out.conflicts.push(idOf(r)); continue; }
      out.duplicates++;
      // a rerun that measured its cost fills in a run recorded before the cost was
      if (prev.cpuSeconds == null && r.cpuSeconds != null) Object.assign(prev, { cpuSeconds: r.cpuSeconds, wallSeconds: r.wallSeconds });
    }
  }
  return out;
}

export interface DatasetCost {
  dataset: string;
  runs: number;
  /** runs whose thread CPU time was recorded */
  timed: number;
  cpuMean: number | null;
  cpuMedian: number | null;
  wallMedian: number | null;
  /** share of the pretrainings reused from another run of the seed (files that record it), null when none does */
  reused: number | null;
}

export function costs(results: ResultFile[], datasets: string[]): DatasetCost[] {
  return datasets.map((dataset) => {
    const rs = results.filter((r) => r.dataset === dataset);
    const cpu = rs.map((r) => r.cpuSeconds).filter((x): x is number => typeof x === 'number');
    const wall = rs.map((r) => r.wallSeconds).filter((x): x is number => typeof x === 'number');
    const withReuse = rs.filter((r) => typeof r.pretrainsReused === 'number');
    const pretrainings = withReuse.reduce((a, r) => a + r.run.stages.length, 0);
    return {
      dataset, runs: rs.length, timed: cpu.length,
      cpuMean: cpu.length ? cpu.reduce((a, b) => a + b, 0) / cpu.length : null,
      cpuMedian: cpu.length ? median(cpu) : null,
      wallMedian: wall.length ? median(wall) : null,
      reused: pretrainings ? withReuse.reduce((a, r) => a + r.pretrainsReused!, 0) / pretrainings : null,
    };
  });
}

/**
 * The cost table, and two projections over `cores` cores kept busy: mean CPU per run x runs of a full grid, and
 * `stageSeconds` (one-thread seconds a stage on an idle machine, docs/kernels.md) x stages x runs.
 */
export function costMd(results: ResultFile[], datasets: string[], gridRuns: number, cores = 2, stageSeconds: Record<string, number> = STAGE_SECONDS): string[] {
  const cs = costs(results, datasets);
  const lines = ['| dataset | runs | runs timed | CPU s per run (mean) | CPU s per run (median) | wall s per run (median) | autoencoders reused | projected CPU s for ' + gridRuns + ' runs |', '|---|---|---|---|---|---|---|---|'];
  let total = 0;
  const missing: string[] = [];
  for (const c of cs) {
    const proj = c.cpuMean === null ? null : c.cpuMean * gridRuns;
    if (proj === null) missing.push(c.dataset);
    else total += proj;
    lines.push(`| ${c.dataset} | ${c.runs} | ${c.timed} | ${c.cpuMean?.toFixed(2) ?? 'n/a'} | ${c.cpuMedian?.toFixed(2) ?? 'n/a'} | ${c.wallMedian?.toFixed(2) ?? 'n/a'} | ${c.reused === null ? 'n/a' : `${(100 * c.reused).toFixed(0)} %`} | ${proj?.toFixed(0) ?? 'n/a'} |`);
  }
  lines.push('', `Projection (not a measurement): ${total.toFixed(0)} CPU s / ${cores} cores = **${(total / cores / 60).toFixed(1)} min** of wall time on an idle ${cores}-core machine with \`--jobs ${cores}\`, assuming both cores stay busy and a run costs its measured CPU time${missing.length ? `; without ${missing.join(', ')} (no run timed)` : ''}.`);
  const stages = results[0]?.run.stages.length ?? 6;
  const known = datasets.filter((d) => stageSeconds[d] !== undefined);
  const bench = known.reduce((a, d) => a + stageSeconds[d]! * stages * gridRuns, 0);
  if (known.length) {
    lines.push('', `From the one-thread stage times of an idle machine instead (${known.map((d) => `${d} ${stageSeconds[d]} s`).join(', ')}; x ${stages} stages x ${gridRuns} runs): ${bench.toFixed(0)} CPU s / ${cores} cores = **${(bench / cores / 60).toFixed(1)} min** (also a projection, with every stage trained in full: the shared stage 0 and the reused autoencoders make the grid cheaper).`);
  }
  return lines;
}
