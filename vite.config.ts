/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The page's plotting chunk: the browser fetches it with the lab's entry (a modulepreload link), not after the
 * entry has run; and regl keys its compiled-shader cache by the source text instead of a sha256 of it (a
 * hand-written JS sha256 over ~100 KB of generated code took 150-200 ms of the first WebGL plot).
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
        const chunk = Object.values(ctx.bundle ?? {}).find((c) => c.type === 'chunk' && /ui[\\/]plotly[\\/]bundle\.ts$/.test(c.facadeModuleId ?? ''));
        if (!chunk) return [];
        return [{ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: '', href: `/${chunk.fileName}` }, injectTo: 'head' }];
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
