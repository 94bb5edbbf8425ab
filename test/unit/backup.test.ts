import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BackupError, createBackup, planRestore, readBackup } from '../../src/domain/backup';
import { createReview, setAnswer } from '../../src/domain/review-model';
import { fullReview, loadFixture } from './helpers';

const now = new Date('2022-06-01T00:00:00Z');
const fast = 100_000; // the lowest iteration count a file may carry; keeps encrypted tests quick

async function problemOf(text: string, passphrase?: string): Promise<string> {
  try {
    await readBackup(text, passphrase);
    return 'accepted';
  } catch (error) {
    if (error instanceof BackupError) {
      expect(error.message).toMatch(/[ăâđêôơưàáạảãèéẹẻẽìíịỉĩòóọỏõùúụủũỳýỵỷỹ]/i); // a Vietnamese sentence
      return error.problem;
    }
    throw error;
  }
}

describe('backup files', () => {
  it('round-trips a full review exactly', async () => {
    const review = fullReview();
    const text = await createBackup([review], now);
    const read = await readBackup(text);
    expect(read.reviews).toEqual([review]);
    expect(read.encrypted).toBe(false);
  });

  it('round-trips an encrypted backup, and the file holds none of the text', async () => {
    const review = fullReview();
    const text = await createBackup([review], now, 'mật khẩu dài', fast);
    expect(text).not.toContain('Nhận thấy');
    expect(text).not.toContain('6 tháng đầu năm');
    const read = await readBackup(text, 'mật khẩu dài');
    expect(read.reviews).toEqual([review]);
    expect(read.encrypted).toBe(true);
  });

  it('restores a backup made by the previous record shape (v1 records)', async () => {
    const text = JSON.stringify(loadFixture('backups/v1-file-v1-records.json'));
    const read = await readBackup(text);
    expect(read.reviews[0]?.shapeVersion).toBe(2);
    expect(read.reviews[0]?.answers['I-3']?.observed).toBe('Ít đọc nghị quyết mới.');
  });

  const valid = () => createBackup([createReview({ id: 'r1', checklistId: 'nq04-27', period: 'Kỳ 1', now })], now);

  it.each([
    ['not JSON', () => Promise.resolve('day khong phai JSON'), 'not-json'],
    ['truncated', async () => (await valid()).slice(0, 60), 'not-json'],
    ['too large', () => Promise.resolve(`{"x":"${'a'.repeat(10 * 1024 * 1024)}"}`), 'too-large'],
    ['another file format', () => Promise.resolve('{"format":"khac","formatVersion":1,"reviews":[]}'), 'not-backup'],
    [
      'a future format version',
      async () => (await valid()).replace('"formatVersion": 1', '"formatVersion": 99'),
      'future-version',
    ],
    ['a wrong type', async () => (await valid()).replace('"period": "Kỳ 1"', '"period": 42'), 'bad-record'],
    [
      'an extra envelope key',
      async () => (await valid()).replace('"formatVersion": 1', '"formatVersion": 1, "them": true'),
      'not-backup',
    ],
    [
      'an extra record key',
      async () => (await valid()).replace('"period": "Kỳ 1"', '"period": "Kỳ 1", "admin": true'),
      'bad-record',
    ],
    [
      'a __proto__ key',
      async () => (await valid()).replace('"period": "Kỳ 1"', '"period": "Kỳ 1", "__proto__": {"x": 1}'),
      'unsafe',
    ],
    [
      'a constructor key',
      async () => (await valid()).replace('"period": "Kỳ 1"', '"period": "Kỳ 1", "constructor": {"x": 1}'),
      'unsafe',
    ],
    [
      'a script in a text field',
      async () => (await valid()).replace('"strengths": ""', '"strengths": "<script>alert(1)</script>"'),
      'script',
    ],
    [
      'an event handler in a text field',
      async () => (await valid()).replace('"strengths": ""', '"strengths": "<b onmouseover=alert(1)>x</b>"'),
      'script',
    ],
  ])('refuses %s with a Vietnamese message', async (_name, make, problem) => {
    expect(await problemOf(await make())).toBe(problem);
  });

  it('asks for the passphrase, and refuses a wrong one', async () => {
    const text = await createBackup([fullReview()], now, 'đúng', fast);
    expect(await problemOf(text)).toBe('needs-passphrase');
    expect(await problemOf(text, 'sai')).toBe('wrong-passphrase');
  });

  it('refuses any malformed file with a BackupError, never another error (property)', async () => {
    const base = JSON.parse(await createBackup([fullReview()], now)) as Record<string, unknown>;
    const mutated = fc.oneof(
      fc.string(),
      fc.json(),
      fc.constantFrom(JSON.stringify(base)).chain((text) => fc.nat(text.length).map((cut) => text.slice(0, cut))),
      fc
        .record({ path: fc.constantFrom('format', 'formatVersion', 'reviews', 'exportedAt'), value: fc.jsonValue() })
        .map(({ path, value }) => JSON.stringify({ ...base, [path]: value })),
      fc.jsonValue().map((value) => JSON.stringify({ ...base, reviews: [value] })),
    );
    await fc.assert(
      fc.asyncProperty(mutated, async (text) => {
        try {
          const read = await readBackup(text);
          // Accepted only when still a well-formed backup.
          expect(Array.isArray(read.reviews)).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(BackupError);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('plans a restore: new, replacing, and unchanged reviews', () => {
    const a = createReview({ id: 'a', checklistId: 'nq04-27', period: 'A', now });
    const b = createReview({ id: 'b', checklistId: 'nq04-27', period: 'B', now });
    const c = createReview({ id: 'c', checklistId: 'nq04-27', period: 'C', now });
    const plan = planRestore([a, setAnswer(b, 'I-1', { assessment: 'none' }), { ...c, revision: 7 }], [b, c]);
    expect(plan.added.map((review) => review.id)).toEqual(['a']);
    expect(plan.replaced.map((entry) => entry.incoming.id)).toEqual(['b']);
    expect(plan.unchanged.map((review) => review.id)).toEqual(['c']);
  });
});
