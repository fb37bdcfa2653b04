import { defineConfig } from 'vite';

export default defineConfig({
  root: '.',
  server: { host: '127.0.0.1' },
  build: {
    lib: { entry: 'src/index.ts', formats: ['es'], fileName: 'regioplan' },
    outDir: 'dist',
    sourcemap: true,
  },
});
