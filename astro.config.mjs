// @ts-check
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import AstroPWA from '@vite-pwa/astro';
import { defineConfig } from 'astro/config';
import { searchIndex } from './src/search/pagefind-integration';

/**
 * The site is fully static. Deploy under a sub-path by building with BASE_PATH=/sub/path/.
 * Trailing slashes everywhere: URLs are folders, which every static web server serves the same way.
 */
const base = process.env['BASE_PATH'] ?? '/';
const scope = base.endsWith('/') ? base : `${base}/`;

export default defineConfig({
  base,
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  integrations: [
    mdx(),
    preact(),
    // The search index must exist before the service worker lists the files to precache: Astro runs
    // the integrations' build-done hooks in this order.
    searchIndex(),
    AstroPWA({
      // A new version installs in the background and waits until every tab of the site is closed:
      // nothing reloads a page under a member who is typing (see README, "Offline and installing").
      registerType: 'prompt',
      // Registered by a tiny inline script in BaseLayout, so content pages load no script file.
      injectRegister: false,
      manifest: {
        name: 'Tự soi, tự sửa',
        short_name: 'Tự soi, tự sửa',
        description: 'Văn bản, hướng dẫn và công cụ tự soi riêng tư cho đảng viên, dùng được cả khi không có mạng.',
        lang: 'vi',
        dir: 'ltr',
        start_url: scope,
        scope,
        id: scope,
        display: 'standalone',
        theme_color: '#a51d17',
        background_color: '#ffffff',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // Everything a member may open without a connection: every page, the self-review tool, the
        // search index and its engine, the PDF fonts and jsPDF's chunks. (The plugin adds the web manifest.)
        globPatterns: ['**/*.{html,css,js,svg,png,ttf}', 'pagefind/**/*'],
        globIgnores: [
          // jsPDF's optional helpers for .html() and SVG, never called here (the plan is drawn with text and tables).
          '**/_astro/html2canvas*',
          '**/_astro/purify*',
          '**/_astro/index.es*',
          '**/_astro/canvg*',
          // Pagefind's ready-made interfaces: the search page renders results itself.
          'pagefind/pagefind-*ui.*',
          'pagefind/pagefind-highlight.js',
        ],
        maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
        // Pages are precached under their own URLs ("van-ban/x/index.html" answers "van-ban/x/");
        // the default Astro transform would rename 404.html to "404/", so none is used.
        manifestTransforms: [],
        // Query strings never select content here (?q= is read by the search page's script).
        ignoreURLParametersMatching: [/.*/],
        // No fallback page online: an unknown address goes to the network (the server's 404), not the
        // home page. Offline, an address that is not precached (an unknown path, or one without its
        // trailing slash) gets the site's own 404 page instead of the browser's error page.
        navigateFallback: null,
        runtimeCaching: [
          {
            urlPattern: ({ request }) => request.mode === 'navigate',
            handler: 'NetworkOnly',
            options: { precacheFallback: { fallbackURL: '404.html' } },
          },
        ],
        cleanupOutdatedCaches: true,
        clientsClaim: false,
        skipWaiting: false,
      },
    }),
  ],
  devToolbar: { enabled: false },
  // No code blocks in the content; Shiki's inline styles would also break the style policy below.
  markdown: { syntaxHighlight: false },
  // Only this site's own origin, ever: no CDN, analytics, web font or remote script. Astro hashes every
  // inline script and style it emits into the policy, so an injected inline script cannot run.
  // 'wasm-unsafe-eval' lets Pagefind compile its WebAssembly search engine (no JavaScript eval).
  security: {
    csp: {
      algorithm: 'SHA-256',
      directives: [
        "default-src 'self'",
        "connect-src 'self'",
        "img-src 'self' data: blob:",
        "font-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-src 'self' blob:",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      styleDirective: { resources: ["'self'"] },
    },
  },
});
