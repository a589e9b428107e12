import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import vue from '@vitejs/plugin-vue';
import { version } from './package.json';

const define = { __APP_VERSION__: JSON.stringify(version) };

// One build for the four faces: the Electron main process (which also carries the CLI entry,
// so `bin.eventscope` points at out/main/cli.js), the sandboxed preload (CommonJS, because a
// sandboxed preload cannot be an ES module) and the Vue renderer.
export default defineConfig({
  main: {
    define,
    build: {
      // Bundle what main and the CLI use (zod, undici, ws, commander…) instead of shipping
      // whole packages in app.asar: the packaged app carries no node_modules at all
      // (docs/desktop.md, `npm run pack:check`).
      externalizeDeps: false,
      outDir: 'out/main',
      rolldownOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          cli: resolve(__dirname, 'electron/cli/index.ts'),
        },
        output: { format: 'cjs', entryFileNames: '[name].js' },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload can require nothing but `electron`: bundle everything else in.
      externalizeDeps: false,
      outDir: 'out/preload',
      rolldownOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].js' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    // vue-i18n's esm-bundler flags: Composition API only, no devtools hooks in production.
    define: {
      __VUE_I18N_FULL_INSTALL__: 'true',
      __VUE_I18N_LEGACY_API__: 'false',
      __INTLIFY_PROD_DEVTOOLS__: 'false',
    },
    plugins: [vue()],
    build: {
      // electron-vite leaves the renderer unminified; minified, the page parses less JS before it
      // is interactive, in web mode over the network most of all (docs/performance.md, "The page").
      minify: true,
      outDir: resolve(__dirname, 'out/renderer'),
      rolldownOptions: {
        input: { index: resolve(__dirname, 'renderer/index.html') },
      },
    },
  },
});
