// Serves the built site (`dist/`) with `astro preview` for the benchmarks, and waits until it answers.
import { spawn } from 'node:child_process';

/** Starts the preview server on `port`; `stop()` ends it (and its child processes). */
export async function startPreview(root, port) {
  const server = spawn('npx', ['astro', 'preview', '--ignore-lock', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: root,
    stdio: 'ignore',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    detached: true,
  });
  const origin = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 60; attempt += 1) {
    try {
      if ((await fetch(`${origin}/`)).ok) break;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  return {
    origin,
    stop: () => {
      try {
        process.kill(-server.pid);
      } catch {
        // already gone
      }
    },
  };
}
