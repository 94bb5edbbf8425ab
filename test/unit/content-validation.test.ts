/**
 * A document with a wrong frontmatter field must stop the build with a message naming the file
 * and the field. Runs `astro sync` (the content step of every build) on a throw-away copy.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const projectRoot = join(import.meta.dirname, '..', '..');
const workDirs: string[] = [];

function copyProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tsts-content-'));
  workDirs.push(dir);
  for (const name of ['package.json', 'astro.config.mjs', 'tsconfig.json', 'src', 'content']) {
    cpSync(join(projectRoot, name), join(dir, name), { recursive: true });
  }
  symlinkSync(join(projectRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

async function sync(dir: string): Promise<{ ok: boolean; output: string }> {
  const astro = join(projectRoot, 'node_modules', 'astro', 'bin', 'astro.mjs');
  try {
    const { stdout, stderr } = await run(process.execPath, [astro, 'sync', '--root', dir], {
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1' },
      timeout: 120_000,
    });
    return { ok: true, output: stdout + stderr };
  } catch (error) {
    const failure = error as { stdout?: string; stderr?: string };
    return { ok: false, output: `${failure.stdout ?? ''}${failure.stderr ?? ''}` };
  }
}

afterAll(() => {
  for (const dir of workDirs) rmSync(dir, { recursive: true, force: true });
});

describe('content validation', () => {
  it('accepts the content as published', async () => {
    const result = await sync(copyProject());
    expect(result.output).not.toMatch(/does not match collection schema/i);
    expect(result.ok).toBe(true);
  }, 180_000);

  it('fails with the file and field named when a frontmatter field is wrong', async () => {
    const dir = copyProject();
    const file = join(dir, 'content', 'documents', 'ket-luan-21-kl-tw.mdx');
    const broken = readFileSync(file, 'utf8').replace(/^kind: .*$/m, 'kind: "thong-bao"');
    writeFileSync(file, broken);

    const result = await sync(dir);

    expect(result.ok).toBe(false);
    expect(result.output).toContain('ket-luan-21-kl-tw');
    expect(result.output).toMatch(/kind/);
  }, 180_000);
});
