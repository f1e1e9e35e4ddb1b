import { nodeBackend } from './node-backend';
import { tf } from '../src/engine/tf';
import { pretrainAe } from '../src/engine/pretrain';
import { Rng } from '../src/engine/rng';
import { Ticker } from '../src/engine/loop';
const be = (process.argv[2] as any) ?? 'wasm';
await nodeBackend(be); if (process.argv[3]) tf.enableProdMode();
const n = 256, d = 9;
const x = tf.randomUniform([n, d]) as tf.Tensor2D;
const sizes = { hDims: [32, 16], repDim: 8, batchSize: 128, k: 6 };
for (let rep = 0; rep < 3; rep++) {
  const t0 = performance.now();
  const r = await pretrainAe(x, sizes, 100, { lr: 1e-3, weightDecay: 1e-6 }, new Rng(1), new Ticker());
  const ms = performance.now() - t0;
  console.log(be, 'AE 200 steps', ms.toFixed(0), 'ms =>', (ms / 200).toFixed(2), 'ms/step', r.losses.at(-1));
  r.theta.dispose(); r.bn.forEach((b) => { b.mean.dispose(); b.variance.dispose(); });
}
console.log(tf.memory().numTensors);
