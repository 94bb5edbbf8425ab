import { describe, expect, it } from 'vitest';
import { readBackup } from '../../src/domain/backup';
import { createReview, setAnswer } from '../../src/domain/review-model';
import { MemoryReviewStore } from '../../src/storage/memory-review-store';
import {
  applyRestore,
  BackupFailure,
  backupSavedMessage,
  makeVerifiedBackup,
  passphraseProblem,
  plainBackupWarning,
  readRestoreFile,
  withUnsaved,
} from '../../src/islands/review/data-actions';

const now = new Date('2022-06-01T00:00:00Z');
const fast = 100_000;
const review = (id: string, period = `Kỳ ${id}`) => createReview({ id, checklistId: 'nq04-27', period, now });

describe('passphrase rules', () => {
  it('counts characters as a person does: four emoji are four characters, not eight', () => {
    expect(passphraseProblem('😀😀😀😀')).toMatch(/ít nhất 8 ký tự/);
    expect(passphraseProblem('😀😀😀😀😀😀😀😀')).toBeUndefined();
  });

  it('counts a decomposed Vietnamese letter as one character', () => {
    expect(passphraseProblem('ệệệệệệệ'.normalize('NFD'))).toMatch(/ít nhất 8 ký tự/);
  });

  it('calls the NFC and NFD forms of the same passphrase the same', () => {
    const typed = 'mật khẩu dài';
    expect(passphraseProblem(typed.normalize('NFC'), typed.normalize('NFD'))).toBeUndefined();
    expect(passphraseProblem('mật khẩu dài', 'mật khẩu khác')).toMatch(/không giống nhau/);
  });
});

describe('making a backup', () => {
  it('includes what is on screen but not yet stored, and says so', async () => {
    const store = new MemoryReviewStore();
    const stored = await store.create(review('a'));
    const onScreen = setAnswer(stored, 'I-1', { assessment: 'some', observed: 'Ghi chú chưa lưu được' });
    const made = await makeVerifiedBackup({ store, unsaved: [onScreen], now });
    const read = await readBackup(made.text);
    expect(read.reviews[0]?.answers['I-1']?.observed).toBe('Ghi chú chưa lưu được');
    expect(made.fromScreen).toBe(1);
    expect(backupSavedMessage(made, false, true)).toMatch(/chưa lưu được vào trình duyệt/);
  });

  it('says the file was made even when the backup time could not be recorded', () => {
    const message = backupSavedMessage({ text: '', fileName: 'x.json', count: 2, rounds: 0, fromScreen: 0 }, false, false);
    expect(message).toMatch(/^Đã tạo tệp sao lưu 2 bản tự soi/);
    expect(message).toMatch(/không ghi được thời điểm sao lưu/);
    expect(message).not.toMatch(/Chưa có gì được lưu/);
  });

  it('refuses to make an empty backup with a message', async () => {
    await expect(makeVerifiedBackup({ store: new MemoryReviewStore(), unsaved: [], now })).rejects.toBeInstanceOf(BackupFailure);
  });

  it('verifies an encrypted backup by reading it back with the passphrase', async () => {
    const store = new MemoryReviewStore();
    await store.create(review('a'));
    const made = await makeVerifiedBackup({ store, unsaved: [], now, passphrase: 'mật khẩu dài', iterations: fast });
    expect(made.text).not.toContain('Kỳ a');
    expect((await readBackup(made.text, 'mật khẩu dài')).reviews).toHaveLength(1);
  });

  it("puts the screen's version in place of the stored one, and adds reviews not stored at all", () => {
    const edited = { ...review('a'), strengths: 'trên màn hình' };
    const merged = withUnsaved([review('a'), review('b')], [edited, review('c')]);
    expect(merged.reviews.map((entry) => [entry.id, entry.strengths])).toEqual([
      ['a', 'trên màn hình'],
      ['b', ''],
      ['c', ''],
    ]);
  });

  it('warns before a plain backup of locked data, and not otherwise', () => {
    expect(plainBackupWarning(true, false)).toMatch(/chữ thường/);
    expect(plainBackupWarning(true, true)).toBeUndefined();
    expect(plainBackupWarning(false, false)).toBeUndefined();
  });
});

describe('restoring', () => {
  it('previews then applies a file, all or nothing', async () => {
    const source = new MemoryReviewStore();
    await source.create(review('a'));
    await source.create(review('b'));
    const made = await makeVerifiedBackup({ store: source, unsaved: [], now });
    const target = new MemoryReviewStore();
    await target.create(review('b', 'Khác'));
    const outcome = await readRestoreFile(made.text, undefined, target);
    if (outcome.kind !== 'preview') throw new Error(outcome.message);
    expect(outcome.preview.plan.added.map((entry) => entry.id)).toEqual(['a']);
    expect(outcome.preview.plan.replaced.map((entry) => entry.incoming.id)).toEqual(['b']);
    expect(await applyRestore(target, outcome.preview)).toBe('Đã khôi phục: thêm 1, thay 1, giữ nguyên 0 bản tự soi.');
    expect((await target.getAll()).map((entry) => entry.period).sort()).toEqual(['Kỳ a', 'Kỳ b']);
  });

  it('asks for the passphrase of an encrypted file, and refuses garbage with a message', async () => {
    const source = new MemoryReviewStore();
    await source.create(review('a'));
    const made = await makeVerifiedBackup({ store: source, unsaved: [], now, passphrase: 'mật khẩu dài', iterations: fast });
    expect((await readRestoreFile(made.text, undefined, source)).kind).toBe('needs-passphrase');
    const refused = await readRestoreFile('không phải JSON', undefined, source);
    expect(refused.kind).toBe('refused');
  });

  it('restores and opens ids with "." and "_" that the file format allows', async () => {
    const target = new MemoryReviewStore();
    const source = new MemoryReviewStore();
    await source.create(review('ban.2022_cuoi-nam'));
    const made = await makeVerifiedBackup({ store: source, unsaved: [], now });
    const outcome = await readRestoreFile(made.text, undefined, target);
    if (outcome.kind !== 'preview') throw new Error(outcome.message);
    await applyRestore(target, outcome.preview);
    expect((await target.get('ban.2022_cuoi-nam'))?.period).toBe('Kỳ ban.2022_cuoi-nam');
  });
});
