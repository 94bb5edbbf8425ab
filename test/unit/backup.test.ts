import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BACKUP_FORMAT_VERSION,
  BackupError,
  createBackup,
  MAX_BACKUP_BYTES,
  planRestore,
  readBackup,
  sameReviews,
  utf8Length,
} from '../../src/domain/backup';
import { addAction, createReview, setAnswer } from '../../src/domain/review-model';
import { checkReview } from '../../src/domain/review-schema';
import { cleanText } from '../../src/domain/text';
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

  // Indented, so a test can edit one field by text replacement.
  const valid = async () =>
    JSON.stringify(
      JSON.parse(await createBackup([createReview({ id: 'r1', checklistId: 'nq04-27', period: 'Kỳ 1', now })], now)),
      null,
      1,
    );

  it.each([
    ['not JSON', () => Promise.resolve('day khong phai JSON'), 'not-json'],
    ['truncated', async () => (await valid()).slice(0, 60), 'not-json'],
    ['too large', () => Promise.resolve(`{"x":"${'a'.repeat(MAX_BACKUP_BYTES)}"}`), 'too-large'],
    ['another file format', () => Promise.resolve('{"format":"khac","formatVersion":1,"reviews":[]}'), 'not-backup'],
    [
      'a future format version',
      async () => (await valid()).replace(`"formatVersion": ${BACKUP_FORMAT_VERSION}`, '"formatVersion": 99'),
      'future-version',
    ],
    ['a wrong type', async () => (await valid()).replace('"period": "Kỳ 1"', '"period": 42'), 'bad-record'],
    [
      'an extra envelope key',
      async () =>
        (await valid()).replace(
          `"formatVersion": ${BACKUP_FORMAT_VERSION}`,
          `"formatVersion": ${BACKUP_FORMAT_VERSION}, "them": true`,
        ),
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
      'a period longer than the period limit',
      async () => (await valid()).replace('"period": "Kỳ 1"', `"period": "${'x'.repeat(201)}"`),
      'bad-record',
    ],
    [
      'a date that does not exist',
      async () => (await valid()).replace(/"createdAt": "[^"]*"/, '"createdAt": "2026-02-30T00:00:00.000Z"'),
      'bad-record',
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
          // Accepted only when still a well-formed backup: every review is a valid record, and
          // writing the result again reads back identically.
          for (const review of read.reviews) expect(checkReview(review).ok).toBe(true);
          expect((await readBackup(await createBackup(read.reviews, now))).reviews).toEqual(read.reviews);
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

describe('backups of ordinary text', () => {
  const base = () => createReview({ id: 'r1', checklistId: 'nq04-27', period: 'Kỳ 1', now });

  it.each([
    'học JavaScript: cơ bản',
    'Đong = đếm',
    'online= miễn phí',
    'điểm: once=1',
    'các thẻ <img>, <link>, <style> và <script> trong bài học',
    'onerror=alert(1) là ví dụ trong sách',
  ])('accepts a note reading “%s” and restores it unchanged', async (note) => {
    const review = setAnswer(base(), 'I-1', { assessment: 'some', observed: note });
    const read = await readBackup(await createBackup([{ ...review, strengths: note }], now));
    expect(read.reviews[0]?.answers['I-1']?.observed).toBe(note);
    expect(read.reviews[0]?.strengths).toBe(note);
  });

  it('round-trips any Unicode text in any text field (property)', async () => {
    // Text as the site keeps it: NFC, without bidi controls (cleanText); any such string must survive.
    const anyText = fc
      .oneof(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 60 }))
      .map(cleanText);
    const fields = fc.record({
      period: anyText.filter((text) => text.length > 0 && text.length <= 200),
      strengths: anyText,
      commitment: anyText,
      name: anyText,
      observed: anyText,
      what: anyText,
    });
    await fc.assert(
      fc.asyncProperty(fields, async (text) => {
        let review = createReview({ id: 'r1', checklistId: 'nq04-27', period: 'x', now });
        review = { ...review, period: text.period, strengths: text.strengths, commitment: text.commitment };
        review = { ...review, member: { ...review.member, name: text.name } };
        review = setAnswer(review, 'I-1', { assessment: 'risk', observed: text.observed });
        review = addAction(review, { id: 'a1', what: text.what });
        const read = await readBackup(await createBackup([review], now));
        expect(read.reviews).toEqual([review]);
      }),
      { numRuns: 200 },
    );
  });

  it('verifies a large store (5,000 reviews) in chunks, reporting progress', async () => {
    // About 10 MB, as in the adversarial run: 5,000 reviews of ~2 KB of notes each.
    let one = createReview({ id: 'r', checklistId: 'nq04-27', period: 'Cuối năm 2022', now });
    for (const itemId of ['I-1', 'I-2', 'I-3', 'II-1', 'II-2']) {
      one = setAnswer(one, itemId, { assessment: 'some', observed: 'Ghi chép tự soi về biểu hiện này. '.repeat(12) });
    }
    const reviews = Array.from({ length: 5000 }, (_, index) => ({ ...one, id: `r${index}` }));
    const text = await createBackup(reviews, now);
    expect(utf8Length(text)).toBeGreaterThan(10 * 1024 * 1024);
    const seen: number[] = [];
    const read = await readBackup(text, undefined, { onProgress: (done) => seen.push(done), chunk: 1000 });
    expect(read.reviews).toHaveLength(5000);
    expect(seen).toEqual([1000, 2000, 3000, 4000, 5000]);
    expect(await sameReviews(read.reviews, reviews, { chunk: 2500 })).toBe(true);
  }, 120_000);
});
