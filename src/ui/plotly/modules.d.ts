// plotly.js ships types for its full entry only; the partial-bundle modules share them.
declare module 'plotly.js/lib/core' {
  const Plotly: typeof import('plotly.js-dist-min') & { register(modules: unknown[]): void };
  export default Plotly;
}
declare module 'plotly.js/lib/scattergl' {
  const trace: unknown;
  export default trace;
}
declare module 'plotly.js/lib/bar' {
  const trace: unknown;
  export default trace;
}
declare module 'plotly.js/src/components/drawing' {
  const drawing: { savedBBoxes: Record<string, unknown> };
  export default drawing;
}
// modules loaded only to evaluate them early, in their own task (src/ui/plotly/bundle.ts): their exports are unused
declare module 'plotly.js/src/lib';
declare module 'plotly.js/src/plots/plots';
declare module '@plotly/d3';
declare module '@plotly/regl';
declare module 'regl-scatter2d';
declare module 'regl-line2d';
declare module 'regl-error2d';
declare module 'd3-time-format';
declare module 'd3-format';
