// npm run bench [-- --datasets glass,cardio] [--repeats 3] [--backend wasm|cpu] [--no-peer 1]
//   [--trainer auto|host|tensor] [--variant relaxed|simd|js] [--threads 1|2]  (what trains: docs/kernels.md)
// Seconds per paper stage (reference mode, seed 1, AE 100 + OCC 50 epochs + scoring) and ms per training step,
// side by side with the plain PyTorch peer (../shared/bench/torch_stage.py), alternating runs on a noisy machine.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { parseArgs } from './args';
import { PAPER_PROTOCOL, loadDataset } from './load-dataset';
import { nodeBackend } from './node-backend';
import { Session, makeConfig } from '../src/engine/session';
import { batchCount } from '../src/engine/batches';
import { median } from '../src/engine/metrics';
import { TRAINER_CHOICES, chooseTrainer, type TrainerChoice } from '../src/engine/trainers';
import { useVariant, type Variant } from '../src/engine/host/arena';

const SHARED = '../shared/datasets';
const PEER = '../shared/bench/torch_stage.py';
// the reference implementation's seconds per stage on this kind of machine (shared/bench/README.md)
const REFERENCE_S: Record<string, [number, number]> = {
  glass: [0.6, 2.7], ionosphere: [1.1, 3.1], arrhythmia: [3.0, 4.1], cardio: [9, 15], optdigits: [28, 32], mnist_tab: [45, 54],
};

function peerStage(csv: string): { seconds: number; auroc: number } | null {
  try {
    const out = execFileSync('/usr/bin/python3', [PEER, csv, '1'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const m = /stage_seconds ([\d.]+) auroc ([\d.]+)/.exec(out);
    return m ? { seconds: Number(m[1]), auroc: Number(m[2]) } : null;
  } catch {
    return null;
  }
}

async function main(): Promise<void> {
  const a = parseArgs(process.argv.slice(2), ['datasets', 'repeats', 'backend', 'no-peer', 'trainer', 'variant', 'threads']);
  const backend = (a.backend ?? 'wasm') as 'wasm' | 'cpu';
  await nodeBackend(backend, Number(a.threads ?? 2));
  if (a.trainer && !(TRAINER_CHOICES as readonly string[]).includes(a.trainer)) throw new Error(`--trainer must be auto, host or tensor, not ${a.trainer}`);
  if (a.variant && !['relaxed', 'simd', 'js'].includes(a.variant)) throw new Error(`--variant must be relaxed, simd or js, not ${a.variant}`);
  if (a.variant) useVariant(a.variant as Variant);
  const trainer = chooseTrainer((a.trainer ?? 'auto') as TrainerChoice);
  const names = a.datasets
    ? a.datasets.split(',')
    : existsSync(SHARED) ? readdirSync(SHARED).filter((f) => f.endsWith('.csv')).map((f) => f.slice(0, -4)) : ['glass', 'ionosphere'];
  const repeats = Number(a.repeats ?? 3);
  const usePeer = !a['no-peer'] && existsSync(PEER) && existsSync('/usr/bin/python3');
  if (a['no-peer']) console.log('(PyTorch peer skipped: --no-peer)');
  else if (!usePeer) console.log('(no PyTorch peer: ../shared/bench/torch_stage.py or /usr/bin/python3 with torch is missing)');
  console.log(`backend ${backend}, ${trainer.describe()}; seconds per stage, median of ${repeats} alternating runs`);
  console.log('dataset        rows    ours s   ms/step  peer s   ours/peer  ref s      speed-up vs ref  AUROC ours/peer');
  for (const name of names) {
    const csv = `${SHARED}/${name}.csv`;
    const raw = await loadDataset(existsSync(csv) ? csv : name, PAPER_PROTOCOL);
    const cfg = makeConfig(raw, 'paper', { loss: 'one_class', query: 'no', pseudo: false, seed: 1 });
    const steps = (cfg.aeEpochs + cfg.occEpochs) * batchCount(raw.n, cfg.sizes.batchSize);
    // one untimed stage first: wasm kernels and XNNPACK operators are set up on first use
    const warm = new Session(raw, { ...cfg, aeEpochs: 2, occEpochs: 2 }, {}, trainer);
    await warm.trainStage();
    warm.dispose();
    const ours: number[] = [];
    const peer: number[] = [];
    let aucOurs = NaN;
    let aucPeer = NaN;
    for (let r = 0; r < repeats; r++) {
      const s = new Session(raw, cfg, {}, trainer);
      const snap = await s.trainStage();
      s.dispose();
      ours.push(snap.seconds);
      aucOurs = snap.auroc ?? NaN;
      if (usePeer && existsSync(csv)) {
        const p = peerStage(csv);
        if (p) (peer.push(p.seconds), (aucPeer = p.auroc));
      }
    }
    const o = median(ours);
    const p = peer.length ? median(peer) : NaN;
    const ref = REFERENCE_S[name];
    console.log(
      `${name.padEnd(15)}${String(raw.n).padEnd(8)}${o.toFixed(2).padEnd(9)}${((o * 1000) / steps).toFixed(2).padEnd(9)}` +
        `${Number.isNaN(p) ? '-'.padEnd(9) : p.toFixed(2).padEnd(9)}${Number.isNaN(p) ? '-'.padEnd(11) : (o / p).toFixed(2).padEnd(11)}` +
        `${ref ? `${ref[0]}-${ref[1]}`.padEnd(11) : '-'.padEnd(11)}${ref ? `${(ref[0] / o).toFixed(1)}-${(ref[1] / o).toFixed(1)}x`.padEnd(17) : '-'.padEnd(17)}` +
        `${aucOurs.toFixed(3)}/${Number.isNaN(aucPeer) ? '-' : aucPeer.toFixed(3)}`,
    );
  }
}

main().catch((e: Error) => {
  console.error(`error: ${e.message}`);
  process.exit(2);
});
