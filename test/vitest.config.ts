/** Unit tests: pure logic and storage (fake-indexeddb) in Node, no browser. */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    maxWorkers: 2,
  },
});
