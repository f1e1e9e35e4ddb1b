import { nodeBackend } from './node-backend';
import { loadDataset } from './load-dataset';
import { Session, makeConfig } from '../src/engine/session';
await nodeBackend('wasm');
const raw = await loadDataset('../shared/datasets/glass.csv');
const cfg = makeConfig(raw, 'paper', { loss: 'one_class', query: 'no', pseudo: false, seed: 1 });
for (let r = 0; r < 4; r++) { const s = new Session(raw, cfg); const t0 = performance.now(); const snap = await s.trainStage(); s.dispose(); console.log('stage', snap.seconds.toFixed(3), ((performance.now()-t0)/150).toFixed(2), 'ms/step'); }
