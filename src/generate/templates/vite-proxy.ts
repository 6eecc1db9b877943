// vite.config.ts: while developing, the page calls /api on its own origin and Vite forwards
// it, so the browser makes no cross-origin request. Production still needs the server fix.
// Your page ({{ORIGIN_LIST}}) then fetches '/api/...' instead of the API's full URL.
import { defineConfig } from 'vite';

export default defineConfig({
  server: {
    proxy: {
      '/api': {
        target: 'http://127.0.0.1:8080', // your API
        changeOrigin: true,
      },
    },
  },
});
