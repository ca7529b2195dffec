import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The backend serves admin/dist at /admin (ServeStaticModule); routes live after the hash. */
export default defineConfig({
  base: '/admin/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
    sourcemap: false,
  },
  server: {
    proxy: { '/graphql': 'http://localhost:3000' },
  },
});
