// Plot 4, training loss per epoch, streamed while a stage trains (autoencoder and one-class phases).
import type { EpochLoss } from '../../protocol';
import { baseLayout, type Figure, type Trace } from './figure';
import { OKABE_ITO } from './palette';

export const LOSS_EXPLAIN =
  'Mean loss of each training epoch: the autoencoder learns to reconstruct (pretrain), then the one-class loss pulls normal points toward c (train).';

/** Stage names written over the curve, at most: more would overlap. */
export const MAX_STAGE_LABELS = 8;

/** x = epoch counted over the whole run, so successive stages follow each other left to right. */
export function lossCurveFigure(log: EpochLoss[]): Figure {
  const ae: { x: number[]; y: number[]; s: number[] } = { x: [], y: [], s: [] };
  const occ: { x: number[]; y: number[]; s: number[] } = { x: [], y: [], s: [] };
  const stageStarts: Array<[number, number]> = [];
  let lastStage = -1;
  log.forEach((e, k) => {
    if (e.stage !== lastStage) {
      stageStarts.push([k, e.stage]);
      lastStage = e.stage;
    }
    const tgt = e.phase === 'pretrain' ? ae : occ;
    tgt.x.push(k + 1);
    tgt.y.push(e.loss);
    tgt.s.push(e.stage);
  });
  const data: Trace[] = [
    {
      type: 'scatter', mode: 'lines', name: 'autoencoder (pretrain)', meta: 'pretrain', x: ae.x, y: ae.y, customdata: ae.s,
      hovertemplate: 'stage %{customdata}, epoch %{x}<br>reconstruction loss %{y:.4g}<extra></extra>',
      line: { color: OKABE_ITO.sky, width: 3 },
    },
    {
      type: 'scatter', mode: 'lines', name: 'one-class (train)', meta: 'train', x: occ.x, y: occ.y, customdata: occ.s, yaxis: 'y2',
      hovertemplate: 'stage %{customdata}, epoch %{x}<br>one-class loss %{y:.4g}<extra></extra>',
      line: { color: OKABE_ITO.vermillion, width: 3 },
    },
  ];
  // the stage boundaries: one line trace broken by nulls on the hidden 0..1 axis, not shapes (plotly 4 gives each
  // shape click and mousemove listeners, so their number grew with the rounds)
  const bounds = stageStarts.slice(1);
  data.push({
    type: 'scatter', mode: 'lines', name: 'stage boundaries', meta: 'boundaries', showlegend: false, hoverinfo: 'skip', yaxis: 'y3',
    x: bounds.flatMap(([k]) => [k + 0.5, k + 0.5, null]), y: bounds.flatMap(() => [0, 1, null]), line: { color: '#bbb', width: 1, dash: 'dot' },
  });
  // the stage names are a text trace on a hidden 0..1 axis (y = 1 is the top), not annotations: plotly gives each
  // annotation click listeners of its own, so their number would grow with the rounds; at most 8, spread evenly
  const stride = Math.ceil(stageStarts.length / MAX_STAGE_LABELS);
  const labelled = stageStarts.filter((_, j) => j % stride === 0);
  data.push({
    type: 'scatter', mode: 'text', name: 'stages', meta: 'stages', showlegend: false, hoverinfo: 'skip', yaxis: 'y3', cliponaxis: false,
    x: labelled.map(([k]) => k + 1), y: labelled.map(() => 1), text: labelled.map(([, st]) => `stage ${st}`),
    textposition: 'top right', textfont: { size: 12, color: '#555' },
  });
  const layout = baseLayout('Training loss per epoch', 'epoch (all stages)', 'reconstruction loss', {
    yaxis: { title: { text: 'reconstruction loss', font: { color: OKABE_ITO.blue } }, rangemode: 'tozero', zeroline: false },
    yaxis2: { title: { text: 'one-class loss', font: { color: OKABE_ITO.vermillion } }, rangemode: 'tozero', overlaying: 'y', side: 'right', zeroline: false, ticklabeloverflow: 'allow' },
    yaxis3: { overlaying: 'y', range: [0, 1], visible: false, fixedrange: true },
    margin: { l: 70, r: 70, t: 56, b: 110 },
  });
  return { data, layout };
}
