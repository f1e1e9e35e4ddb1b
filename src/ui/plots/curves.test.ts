import { describe, expect, it } from 'vitest';
import { tinySnapshot } from '../../core/testing';
import { curveFromSnapshots, learningCurveFigure } from './learningCurve';
import { lossCurveFigure } from './lossCurve';

describe('learningCurveFigure', () => {
  it('draws AUROC and AP per run against the number of labels', () => {
    const snaps = [tinySnapshot({ stage: 0, labelled: [], auroc: 0.6, ap: 0.2 }), tinySnapshot()];
    const pts = curveFromSnapshots(snaps);
    expect(pts).toEqual([
      { stage: 0, labels: 0, auroc: 0.6, ap: 0.2 },
      { stage: 1, labels: 2, auroc: 0.75, ap: 0.5 },
    ]);
    const fig = learningCurveFigure([
      { id: 'a', label: 'random', points: pts },
      { id: 'b', label: 'abs', points: pts.slice(0, 1) },
    ]);
    expect(fig.data.map((t) => t.meta)).toEqual(['auroc:a', 'ap:a', 'auroc:b', 'ap:b']);
    expect(fig.data[0]!.x).toEqual([0, 2]);
    expect(fig.data[0]!.y).toEqual([0.6, 0.75]);
    expect(fig.data[1]!.y).toEqual([0.2, 0.5]);
    expect((fig.data[0]!.line as { color: string }).color).not.toBe((fig.data[2]!.line as { color: string }).color);
  });
});

describe('lossCurveFigure', () => {
  it('numbers epochs over the whole run and splits the two phases', () => {
    const fig = lossCurveFigure([
      { stage: 0, phase: 'pretrain', epoch: 1, loss: 0.5 },
      { stage: 0, phase: 'pretrain', epoch: 2, loss: 0.4 },
      { stage: 0, phase: 'train', epoch: 1, loss: 2 },
      { stage: 1, phase: 'train', epoch: 1, loss: 1.5 },
    ]);
    expect(fig.data[0]!.x).toEqual([1, 2]);
    expect(fig.data[0]!.y).toEqual([0.5, 0.4]);
    expect(fig.data[1]!.x).toEqual([3, 4]);
    expect(fig.data[1]!.y).toEqual([2, 1.5]);
    const bounds = fig.data.find((d) => d.meta === 'boundaries')!;
    expect([bounds.x, bounds.y, bounds.yaxis, fig.layout.shapes]).toEqual([[3.5, 3.5, null], [0, 1, null], 'y3', undefined]);
  });

  it('labels at most 8 stages, spread evenly, as one text trace (no annotations: plotly gives each its own listeners)', () => {
    const run = (stages: number) => lossCurveFigure(Array.from({ length: stages }, (_, st) => ({ stage: st, phase: 'train' as const, epoch: 1, loss: 1 })));
    const texts = (stages: number) => {
      const fig = run(stages);
      expect(fig.layout.annotations).toBeUndefined();
      const t = fig.data.find((d) => d.meta === 'stages')!;
      expect([t.mode, t.yaxis, t.showlegend]).toEqual(['text', 'y3', false]);
      // one epoch a stage: stage k starts at epoch k + 1
      expect(Array.from(t.x!)).toEqual((t.text as string[]).map((x) => Number(x.slice('stage '.length)) + 1));
      return t.text as string[];
    };
    expect(texts(3)).toEqual(['stage 0', 'stage 1', 'stage 2']);
    expect(texts(9)).toEqual(['stage 0', 'stage 2', 'stage 4', 'stage 6', 'stage 8']);
    expect(texts(30)).toEqual([0, 4, 8, 12, 16, 20, 24, 28].map((k) => `stage ${k}`));
    // the 29 stage boundaries are all drawn, as one trace (plotly gives each shape listeners of its own)
    expect(run(30).data.find((d) => d.meta === 'boundaries')!.x).toHaveLength(3 * 29);
  });
});
