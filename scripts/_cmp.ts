import { loadDataset } from './load-dataset';
import { nodeBackend } from './node-backend';
import { Session, makeConfig, simulatedOracle } from '../src/engine/session';
import { setKernel } from '../src/engine/kernel';
const [name, loss, query, pseudo, mode] = [process.argv[2] ?? 'glass', process.argv[3] ?? 'one_class', process.argv[4] ?? 'no', process.argv[5] ?? '0', process.argv[6] ?? 'reference'];
async function main() {
await nodeBackend('wasm');
const raw = await loadDataset(`/work/shared/datasets/${name}.csv`);
for (const k of (process.argv[7] ?? 'host,tensor').split(',')) {
  setKernel(k as any);
  const cfg = makeConfig(raw, 'paper', { loss: loss as any, query: query as any, pseudo: pseudo === '1', seed: 1, mode: mode as any });
  const s = new Session(raw, cfg);
  const snaps = await s.run(simulatedOracle(raw.labels!), query === 'no' ? 0 : 3);
  s.dispose();
  console.log(k.padEnd(7), snaps.map((x) => `${(x.auroc! * 100).toFixed(2)} ${x.seconds.toFixed(2)}s`).join(' | '));
}
}
main();
