import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

// The API serves the built files from dist/portal at `/` (same origin as /api). The dev server
// (`npm run portal:dev`) reloads on change and passes /api through to a running API.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  build: {
    outDir: fileURLToPath(new URL('../../dist/portal', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    rollupOptions: {
      // React Query marks its hooks "use client" for server components; meaningless in a browser bundle.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: process.env.API_URL ?? 'http://localhost:3000', changeOrigin: false } },
  },
});
