import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API server (npm start / npm run dev at the repository root).
const apiTarget = process.env.KARNA_API_URL ?? 'http://127.0.0.1:3000';

// The Host header is passed through unchanged (no changeOrigin), so the server sees the dev
// server's origin and its login redirects come back here.
const proxy = {
  '/api': { target: apiTarget },
  '/test-idp': { target: apiTarget },
};

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // React and the router change seldom: a chunk of their own stays cached between releases.
        codeSplitting: {
          groups: [{ name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ }],
        },
      },
    },
  },
  server: { proxy },
  preview: { proxy },
});
