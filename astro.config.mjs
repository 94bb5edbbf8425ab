// @ts-check
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import { defineConfig } from 'astro/config';

/**
 * The site is fully static. Deploy under a sub-path by building with BASE_PATH=/sub/path/.
 * Trailing slashes everywhere: URLs are folders, which every static web server serves the same way.
 */
const base = process.env['BASE_PATH'] ?? '/';

export default defineConfig({
  base,
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  integrations: [mdx(), preact()],
  devToolbar: { enabled: false },
});
