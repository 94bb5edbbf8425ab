import { describe, expect, it } from 'vitest';
import { BACKUP_FORMAT_VERSION, BackupError, createBackup, readBackup } from '../../src/domain/backup';
import { planBranchRestore } from '../../src/domain/backup-branch';
import { ENVELOPE_MIGRATIONS, LATEST_ENVELOPE_VERSION, migratePayload, migrateV1ToV2 } from '../../src/domain/backup-migrations';
import { createReview } from '../../src/domain/review-model';
import { deriveKey, newKeyParameters, seal } from '../../src/domain/sealed';
import { branchEntry, branchRound, branchWorkspace } from './branch-fixture';
import { loadFixture } from './helpers';

const now = new Date('2026-06-02T09:00:00Z');
const fast = 100_000;
const review = createReview({ id: 'r1', checklistId: 'nq04-27', period: 'Kỳ 1', now });

async function problemOf(text: string, passphrase?: string): Promise<string> {
  try {
    await readBackup(text, passphrase);
    return 'accepted';
  } catch (error) {
    if (error instanceof BackupError) return error.problem;
    throw error;
  }
}

describe('backup envelope migrations', () => {
  it('are named and lead to the version files are written in', () => {
    expect(ENVELOPE_MIGRATIONS.map((step) => [step.from, step.name])).toEqual([[1, 'v1-to-v2-reviews-and-branch']]);
    expect(LATEST_ENVELOPE_VERSION).toBe(BACKUP_FORMAT_VERSION);
  });

  it('v1 → v2 moves the reviews under "reviews" with an empty branch workspace', () => {
    const reviews = [{ id: 'a' }, { id: 'b' }];
    expect(migrateV1ToV2(reviews)).toEqual({ reviews, branch: { rounds: [], entries: [] } });
    expect(migratePayload(1, reviews)).toEqual({ reviews, branch: { rounds: [], entries: [] } });
    const current = { reviews, branch: { rounds: [], entries: [] } };
    expect(migratePayload(2, current)).toBe(current);
  });
});

describe('backup files of version 1 keep restoring', () => {
  it('reads the frozen v1 file: its reviews, and no branch data', async () => {
    const file = loadFixture('backups/v1-file-v1-records.json') as { formatVersion: number };
    expect(file.formatVersion).toBe(1);
    const read = await readBackup(JSON.stringify(file));
    expect(read.reviews.map((entry) => entry.id)).toEqual(['r-2022-h1']);
    expect(read.branch).toEqual({ rounds: [], entries: [] });
  });

  it('reads an encrypted v1 file (its data an array of reviews)', async () => {
    const parameters = newKeyParameters(fast);
    const sealed = await seal(await deriveKey('mật khẩu dài', parameters), [review]);
    const text = JSON.stringify({
      format: 'tu-soi-tu-sua/backup',
      formatVersion: 1,
      exportedAt: now.toISOString(),
      encrypted: { ...parameters, ...sealed },
    });
    const read = await readBackup(text, 'mật khẩu dài');
    expect(read.reviews).toEqual([review]);
    expect(read.branch.rounds).toEqual([]);
  });

  it('refuses a v1 file that carries a "branch" key (v1 never had one)', async () => {
    const file = loadFixture('backups/v1-file-v1-records.json') as Record<string, unknown>;
    expect(await problemOf(JSON.stringify({ ...file, branch: { rounds: [], entries: [] } }))).toBe('not-backup');
  });
});

describe('backup files of version 2 hold the branch workspace', () => {
  it('reads the frozen v2 file with its rounds and entries', async () => {
    const read = await readBackup(JSON.stringify(loadFixture('backups/v2-file-with-branch.json')));
    expect(read.reviews.map((entry) => entry.id)).toEqual(['r-2026-h1']);
    expect(read.branch.rounds.map((round) => round.id)).toEqual(['d1', 'd2']);
    expect(read.branch.entries.map((entry) => [entry.id, entry.roundId, entry.name])).toEqual([
      ['e1', 'd1', 'Trần Thị Bình'],
      ['e2', 'd1', 'Lê Văn Cường'],
      ['e3', 'd2', 'Trần Thị Bình'],
    ]);
  });

  it('round-trips reviews and branch data exactly, plain and encrypted', async () => {
    const branch = branchWorkspace();
    const plain = await readBackup(await createBackup([review], now, undefined, undefined, branch));
    expect(plain.branch).toEqual(branch);
    const text = await createBackup([review], now, 'mật khẩu dài', fast, branch);
    expect(text).not.toContain('Khu phố Ba');
    expect(text).not.toContain('Trần Thị Bình');
    const opened = await readBackup(text, 'mật khẩu dài');
    expect(opened.reviews).toEqual([review]);
    expect(opened.branch).toEqual(branch);
  });

  const file = async (edit: (branch: { rounds: unknown[]; entries: unknown[] }) => unknown) => {
    const parsed = JSON.parse(await createBackup([review], now, undefined, undefined, branchWorkspace())) as Record<
      string,
      unknown
    >;
    return JSON.stringify({ ...parsed, branch: edit(parsed['branch'] as { rounds: unknown[]; entries: unknown[] }) });
  };

  it('refuses wrong shapes, keys and ids in the branch part, and changes nothing', async () => {
    expect(await problemOf(await file((branch) => branch))).toBe('accepted');
    expect(await problemOf(await file(() => undefined))).toBe('not-backup');
    expect(await problemOf(await file(() => []))).toBe('not-backup');
    expect(await problemOf(await file((branch) => ({ ...branch, extra: [] })))).toBe('not-backup');
    expect(await problemOf(await file((branch) => ({ rounds: branch.rounds })))).toBe('not-backup');
    const [d1, d2] = branchWorkspace().rounds;
    const [e1, e2] = branchWorkspace().entries;
    expect(await problemOf(await file((branch) => ({ ...branch, rounds: [d1, d1] })))).toBe('bad-record');
    expect(await problemOf(await file((branch) => ({ ...branch, rounds: [d1, { ...d2, memberCount: 0 }] })))).toBe('bad-record');
    expect(await problemOf(await file((branch) => ({ ...branch, rounds: [d1, { ...d2, id: '../x' }] })))).toBe('bad-record');
    expect(await problemOf(await file((branch) => ({ ...branch, rounds: [d1, { ...d2, secret: 1 }] })))).toBe('bad-record');
    expect(await problemOf(await file((branch) => ({ ...branch, entries: [e1, e1] })))).toBe('bad-record');
    expect(await problemOf(await file((branch) => ({ ...branch, entries: [e1, { ...e2, roundId: 'khong-co' }] })))).toBe(
      'bad-record',
    );
  });

  it('names the failing record in Vietnamese', async () => {
    const [e1] = branchWorkspace().entries;
    await expect(readBackup(await file((branch) => ({ ...branch, entries: [{ ...e1, number: 0 }] })))).rejects.toThrow(
      /kết quả thứ 1 của chi bộ.*Không có gì bị thay đổi/,
    );
  });

  it('keeps text as data: markup in a branch name is read back as typed', async () => {
    const round = branchRound('d9', '<img src=x onerror=alert(1)> Chi bộ');
    const read = await readBackup(await createBackup([], now, undefined, undefined, { rounds: [round], entries: [] }));
    expect(read.branch.rounds[0]?.branchName).toBe('<img src=x onerror=alert(1)> Chi bộ');
  });

  it('refuses an encrypted file with plain records beside the encrypted ones', async () => {
    const parsed = JSON.parse(await createBackup([review], now, 'mật khẩu dài', fast)) as Record<string, unknown>;
    expect(await problemOf(JSON.stringify({ ...parsed, branch: { rounds: [], entries: [] } }), 'mật khẩu dài')).toBe(
      'not-backup',
    );
  });
});

describe('planning the branch part of a restore', () => {
  it('sorts rounds into new, replacing (with their result counts) and unchanged', () => {
    const incoming = branchWorkspace();
    const [d1, d2] = incoming.rounds;
    if (!d1 || !d2) throw new Error('fixture');
    const stored = {
      rounds: [
        { ...d1, revision: 5 },
        { ...d2, branchName: 'Tên cũ' },
      ],
      entries: incoming.entries.filter((entry) => entry.roundId === 'd1'),
    };
    const extra = branchRound('d3');
    const plan = planBranchRestore({ rounds: [...incoming.rounds, extra], entries: incoming.entries }, stored);
    expect(plan.added.map((item) => item.round.id)).toEqual(['d3']);
    expect(plan.unchanged.map((item) => item.round.id)).toEqual(['d1']);
    expect(
      plan.replaced.map((item) => [
        item.incoming.round.id,
        item.existing.branchName,
        item.existing.entryCount,
        item.incoming.entries.length,
      ]),
    ).toEqual([['d2', 'Tên cũ', 0, 1]]);
    const moreEntries = planBranchRestore(
      { rounds: [d1], entries: [...stored.entries, branchEntry(d1, 'e9', stored.entries)] },
      stored,
    );
    expect(moreEntries.replaced.map((item) => item.incoming.round.id)).toEqual(['d1']);
  });
});
