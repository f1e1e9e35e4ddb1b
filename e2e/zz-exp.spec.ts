import { test } from '@playwright/test';
test('plotly timings', async ({ page }) => {
  await page.goto('/?backend=wasm');
  await page.waitForFunction(() => (window as any).__lab?.state().backend !== null);
  const r = await page.evaluate(async () => {
    const P: any = await (window as any).__lab.plotly();
    const out: Record<string, number[]> = {};
    const n = 500;
    const rnd = (k: number) => Array.from({ length: k }, () => Math.random());
    const mk = (type: string, legend: boolean) => ({ data: ['a', 'b', 'c', 'd', 'e'].map((nm, j) => ({ type, mode: 'markers', name: nm, x: rnd(j ? 10 : n), y: rnd(j ? 10 : n) })), layout: { width: 540, height: 520, showlegend: legend } });
    const z = Array.from({ length: 64 }, () => rnd(64));
    const variants: Record<string, () => any> = {
      scattergl: () => mk('scattergl', true),
      scatter: () => mk('scatter', true),
      scatterNoLegend: () => mk('scatter', false),
      contourFill: () => ({ data: [{ type: 'contour', z: z.map((r) => r.map((v) => v + Math.random() * 0.1)), ncontours: 18, contours: { coloring: 'fill', showlines: false } }], layout: { width: 540, height: 520 } }),
      heatmap: () => ({ data: [{ type: 'heatmap', z: z.map((r) => r.map((v) => v + Math.random() * 0.1)), zsmooth: 'best' }], layout: { width: 540, height: 520 } }),
      constraint: () => ({ data: [{ type: 'contour', z: z.map((r) => r.map((v) => v + Math.random() * 0.1)), contours: { type: 'constraint', operation: '=', value: 0.5 } }], layout: { width: 540, height: 520 } }),
      lines900: () => ({ data: [{ type: 'scatter', mode: 'lines', x: rnd(900), y: rnd(900) }], layout: { width: 540, height: 400 } }),
    };
    for (const [name, f] of Object.entries(variants)) {
      const div = document.createElement('div');
      document.body.appendChild(div);
      out[name] = [];
      for (let k = 0; k < 4; k++) {
        const fig = f();
        const t0 = performance.now();
        await P.react(div, fig.data, fig.layout);
        out[name].push(Math.round(performance.now() - t0));
      }
      P.purge(div);
      div.remove();
    }
    return out;
  });
  console.log(JSON.stringify(r));
});
