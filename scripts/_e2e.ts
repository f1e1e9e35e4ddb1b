import { nodeBackend } from './node-backend';
import { Session, makeConfig, simulatedOracle } from '../src/engine/session';
import { makeSynthetic } from '../src/io/synthetic';
await nodeBackend('cpu');
for (const ds of ['blobs', 'ring', 'moons', 'hard']) {
  const raw = makeSynthetic(ds, 1);
  for (const q of ['mlp', 'abs'] as const) {
    const t0 = performance.now();
    const s = new Session(raw, makeConfig(raw, 'interactive', { loss: 'nce', query: q, seed: 1, aeEpochs: 20, occEpochs: 15, rounds: 3 }));
    const snaps = await s.run(simulatedOracle(s.pool.labels!));
    console.log(ds, q, snaps.map((x) => x.auroc!.toFixed(3)).join(' '), ((performance.now() - t0) / 1000).toFixed(2), 's');
    s.dispose();
  }
}
