// plotly.js ships types for its full entry only; the partial-bundle modules share them.
declare module 'plotly.js/lib/core' {
  const Plotly: typeof import('plotly.js-dist-min') & { register(modules: unknown[]): void };
  export default Plotly;
}
declare module 'plotly.js/lib/scattergl' {
  const trace: unknown;
  export default trace;
}
declare module 'plotly.js/lib/histogram' {
  const trace: unknown;
  export default trace;
}
