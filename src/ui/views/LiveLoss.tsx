// Streams the loss onto a canvas while a stage trains; the plotly chart takes over when the worker is idle.
import { useEffect, useRef } from 'react';
import type { EpochLoss } from '../../protocol';
import { liveLossLines } from '../plots/liveLoss';
import { OKABE_ITO } from '../plots/palette';

const COLOUR = { pretrain: OKABE_ITO.sky, train: OKABE_ITO.vermillion };
const LABEL = { pretrain: 'autoencoder (pretrain)', train: 'one-class (train)' };

export function LiveLoss({ log, height }: { log: EpochLoss[]; height: number }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    const frame = requestAnimationFrame(() => {
      const w = canvas.clientWidth;
      const h = canvas.clientHeight;
      const dpr = window.devicePixelRatio || 1;
      // a new size reallocates the canvas: only when it changed, not at every epoch
      if (canvas.width !== Math.round(w * dpr) || canvas.height !== Math.round(h * dpr)) {
        canvas.width = Math.round(w * dpr);
        canvas.height = Math.round(h * dpr);
      }
      const g = canvas.getContext('2d')!;
      g.setTransform(dpr, 0, 0, dpr, 0, 0);
      g.clearRect(0, 0, w, h);
      g.font = '14px system-ui, sans-serif';
      liveLossLines(log, w, h - 24, 12).forEach((line, j) => {
        g.strokeStyle = COLOUR[line.phase];
        g.lineWidth = 3;
        g.beginPath();
        line.points.forEach(([x, y], i) => (i ? g.lineTo(x, y) : g.moveTo(x, y)));
        g.stroke();
        g.fillStyle = COLOUR[line.phase];
        g.fillText(`${LABEL[line.phase]}: ${line.points.length} epochs, ${line.max.toPrecision(3)} → ${log.filter((e) => e.phase === line.phase).at(-1)!.loss.toPrecision(3)}`, 12, h - 6 - 18 * j);
      });
    });
    return () => cancelAnimationFrame(frame);
  }, [log]);
  return <canvas ref={ref} data-testid="live-loss" data-epochs={log.length} style={{ width: '100%', height }} />;
}
