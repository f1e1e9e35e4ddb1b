/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/** A chunk of the plotting library (plotly and the modules it requires), by the files it holds. */
const PLOTTING = /node_modules[\\/](plotly\.js|@plotly|regl|d3-|fast-isnumeric)/;

/**
 * The page's plotting chunks (plotly is evaluated in slices, one chunk each: src/ui/plotly/bundle.ts): listed in a
 * meta tag, so the page fetches them all at once after its first frame (src/ui/plotly/load.ts adds modulepreload
 * links then), not during the entry's download nor one after another as the slices run; and regl
 * keys its compiled-shader cache by the source text instead of a sha256 of it (a hand-written JS sha256 over
 * ~100 KB of generated code took 150-200 ms of the first WebGL plot).
 */
function plotlyChunk(): Plugin {
  return {
    name: 'svdd-plotly-chunk',
    transform(code, id) {
      if (!/@plotly[\\/]regl[\\/]dist[\\/]regl/.test(id)) return null;
      const out = code.replace('key = hex_sha256(src);', 'key = src;');
      if (out === code) this.warn('regl: the cache-key line was not found; the sha256 stays');
      return { code: out, map: null };
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const chunks = Object.values(ctx.bundle ?? {}).filter((c) => c.type === 'chunk' && !c.isEntry && c.moduleIds.some((id) => PLOTTING.test(id)));
        if (!chunks.length) console.warn('svdd-plotly-chunk: no plotting chunk found, nothing preloaded');
        return [{ tag: 'meta', attrs: { name: 'plotting-chunks', content: chunks.map((c) => `/${c.fileName}`).join(' ') }, injectTo: 'head' as const }];
      },
    },
  };
}

export default defineConfig({
  plugins: [react(), plotlyChunk()],
  worker: { format: 'es' },
  build: { chunkSizeWarningLimit: 6000 },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    testTimeout: 60_000,
    pool: 'forks',
    setupFiles: ['scripts/vitest-setup.ts'],
  },
});
