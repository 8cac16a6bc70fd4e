import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// `npm run dev` proxies the backend paths to a gateway (or the e2e stand-in) on BACKEND_URL.
const backend = process.env.BACKEND_URL ?? 'http://127.0.0.1:3000';
const proxied = ['/api', '/openai', '/ollama', '/oauth', '/health', '/manifest.json', '/opensearch.xml'];

export default defineConfig({
  plugins: [svelte()],
  build: { outDir: 'dist', assetsDir: 'assets', sourcemap: false, chunkSizeWarningLimit: 900 },
  server: {
    proxy: {
      ...Object.fromEntries(proxied.map((p) => [p, { target: backend, changeOrigin: false }])),
      '/ws/socket.io': { target: backend, ws: true }
    }
  },
  test: {
    environment: 'jsdom',
    include: ['tests/**/*.test.ts', 'tests/**/*.test.js'],
    setupFiles: ['tests/setup.ts']
  },
  resolve: process.env.VITEST ? { conditions: ['browser'] } : undefined
});
