/**
 * The steps behind the data panel, without a view: make and verify a backup, read a file into a
 * restore plan, apply it, and check passphrases. Framework-free and tested in Node; the sections
 * only render these results and hand the file to the browser.
 */
import {
  BackupError,
  createBackup,
  MAX_BACKUP_BYTES,
  planRestore,
  readBackup,
  sameReviews,
  type ProgressOptions,
  type RestorePlan,
} from '../../domain/backup';
import { planBranchRestore, sameBranch, type BranchBackup, type BranchRestorePlan } from '../../domain/backup-branch';
import { MIN_PASSPHRASE_LENGTH } from '../../domain/limits';
import { localDay } from '../../domain/review-model';
import type { Review } from '../../domain/review-schema';
import { countCharacters, normalizeJson, samePassphrase, toNfc } from '../../domain/text';
import type { ReviewStore } from '../../storage/review-store';

/** What the passphrase rules say about what was typed; undefined when it is acceptable. */
export function passphraseProblem(first: string, second?: string): string | undefined {
  if (countCharacters(first) < MIN_PASSPHRASE_LENGTH) return `Mật khẩu cần ít nhất ${MIN_PASSPHRASE_LENGTH} ký tự.`;
  if (second !== undefined && !samePassphrase(first, second)) return 'Hai lần nhập mật khẩu không giống nhau.';
  return undefined;
}

/** A backup ready to hand to the browser, already read back and found identical. */
export interface VerifiedBackup {
  readonly text: string;
  readonly fileName: string;
  readonly count: number;
  /** Branch rounds (/chi-bo/) in the file. */
  readonly rounds: number;
  /** How many reviews came from the screen rather than from storage (edits not saved yet). */
  readonly fromScreen: number;
}

/** Thrown when there is nothing to back up, or the read-back differs; the message is for the member. */
export class BackupFailure extends Error {
  override readonly name = 'BackupFailure';
}

/** Stored reviews, with any review whose on-screen state was not saved taking the screen's version. */
export function withUnsaved(stored: readonly Review[], unsaved: readonly Review[]): { reviews: Review[]; fromScreen: number } {
  const byId = new Map(unsaved.map((review) => [review.id, review]));
  const reviews = stored.map((review) => byId.get(review.id) ?? review);
  const storedIds = new Set(stored.map((review) => review.id));
  for (const review of unsaved) if (!storedIds.has(review.id)) reviews.push(review);
  return { reviews, fromScreen: unsaved.length };
}

/**
 * Builds the backup file from what is stored plus what is on screen, then reads the exact text back
 * as a restore would and compares it record by record, in chunks with progress.
 */
export async function makeVerifiedBackup(input: {
  store: Pick<ReviewStore, 'getAll' | 'getBranchData'>;
  unsaved: readonly Review[];
  now: Date;
  passphrase?: string | undefined;
  iterations?: number;
  progress?: ProgressOptions;
}): Promise<VerifiedBackup> {
  const merged = withUnsaved(await input.store.getAll(), input.unsaved);
  // As a restore would keep them (NFC, no bidi controls), so older stored text compares equal after reading back.
  const reviews = merged.reviews.map((review) => normalizeJson(review) as Review);
  const fromScreen = merged.fromScreen;
  const branch = backupBranch(await input.store.getBranchData());
  if (reviews.length === 0 && branch.rounds.length === 0)
    throw new BackupFailure('Chưa có bản tự soi hay đợt của chi bộ nào để sao lưu.');
  // NFC, so the file opens whichever Unicode form the keyboard produces on the day of the restore.
  const secret = input.passphrase === undefined || input.passphrase === '' ? undefined : toNfc(input.passphrase);
  const text = await createBackup(reviews, input.now, secret, input.iterations, branch);
  let readBack: Review[];
  let readBranch: BranchBackup;
  try {
    ({ reviews: readBack, branch: readBranch } = await readBackup(text, secret, input.progress));
  } catch (error) {
    if (error instanceof BackupError && error.problem === 'too-large') {
      throw new BackupFailure(
        `Dữ liệu quá lớn để gói vào một tệp (trên ${MAX_BACKUP_BYTES / 1024 / 1024} MB). Hãy xóa bớt bản tự soi cũ không cần nữa rồi thử lại.`,
      );
    }
    throw new BackupFailure(error instanceof BackupError ? `Tệp vừa tạo không đọc lại được: ${error.message}` : verifyFailed);
  }
  if (!(await sameReviews(readBack, reviews, input.progress)) || !sameBranch(readBranch, branch)) {
    throw new BackupFailure(verifyFailed);
  }
  const fileName = `tu-soi-tu-sua-sao-luu-${localDay(input.now)}.json`;
  return { text, fileName, count: reviews.length, rounds: branch.rounds.length, fromScreen };
}

/**
 * The branch data as a restore would keep it (NFC), without entries whose round could not be read:
 * a file holds no result outside a round of the file.
 */
function backupBranch(data: BranchBackup): BranchBackup {
  const rounds = data.rounds.map((round) => normalizeJson(round) as BranchBackup['rounds'][number]);
  const ids = new Set(rounds.map((round) => round.id));
  const entries = data.entries
    .filter((entry) => ids.has(entry.roundId))
    .map((entry) => normalizeJson(entry) as BranchBackup['entries'][number]);
  return { rounds, entries };
}

const verifyFailed = 'Tệp vừa tạo đọc lại không khớp với dữ liệu. Chưa có gì được lưu; hãy thử lại.';

/** The message after the file was handed to the browser; says plainly what happened. */
export function backupSavedMessage(backup: VerifiedBackup, encrypted: boolean, timeRecorded: boolean): string {
  const parts = [
    `Đã tạo tệp sao lưu ${backup.count} bản tự soi${backup.rounds > 0 ? ` và ${backup.rounds} đợt của chi bộ` : ''} và đọc lại kiểm tra: đầy đủ, khớp với dữ liệu${encrypted ? ', có khóa mật khẩu' : ''}.`,
  ];
  if (backup.fromScreen > 0) parts.push('Tệp gồm cả những gì đang hiện trên màn hình nhưng chưa lưu được vào trình duyệt.');
  if (!timeRecorded) parts.push('Trình duyệt không ghi được thời điểm sao lưu (bộ nhớ đầy), nhưng tệp đã được tạo.');
  parts.push('Hãy cất tệp ở nơi an toàn (không gửi vào nhóm chung).');
  return parts.join(' ');
}

/** What the backup section must say before saving: a locked store backed up without a file passphrase. */
export function plainBackupWarning(locked: boolean, encrypt: boolean): string | undefined {
  if (!locked || encrypt) return undefined;
  return 'Dữ liệu trên máy đang được khóa, nhưng tệp sao lưu không có mật khẩu sẽ chứa mọi ghi chép ở dạng chữ thường: ai có tệp cũng đọc được. Nên chọn “Khóa tệp bằng mật khẩu”.';
}

/** A file read and compared with what is stored, ready for the member to confirm. */
export interface RestorePreview {
  readonly reviews: Review[];
  readonly plan: RestorePlan;
  /** The branch rounds of the file (with their results), compared with those stored. */
  readonly branch: BranchRestorePlan;
  /** How many branch rounds the file holds. */
  readonly rounds: number;
}

/** The outcome of reading a chosen file: a preview, a request for its passphrase, or a message. */
export type ReadOutcome =
  | { kind: 'preview'; preview: RestorePreview }
  | { kind: 'needs-passphrase'; message: string }
  | { kind: 'refused'; message: string };

/** Reads a file's text (with its passphrase if given) and plans the restore against the store. */
export async function readRestoreFile(
  text: string,
  passphrase: string | undefined,
  store: Pick<ReviewStore, 'getAll' | 'getBranchData'>,
  progress?: ProgressOptions,
): Promise<ReadOutcome> {
  try {
    const contents = await readBackup(text, passphrase === undefined ? undefined : toNfc(passphrase), progress);
    const existing = await store.getAll();
    const branch = planBranchRestore(contents.branch, await store.getBranchData());
    const plan = planRestore(contents.reviews, existing);
    return { kind: 'preview', preview: { reviews: contents.reviews, plan, branch, rounds: contents.branch.rounds.length } };
  } catch (error) {
    if (error instanceof BackupError) {
      return { kind: error.problem === 'needs-passphrase' ? 'needs-passphrase' : 'refused', message: error.message };
    }
    return { kind: 'refused', message: 'Không đọc được tệp này. Không có gì bị thay đổi.' };
  }
}

/** Whether a chosen file is too large to be a backup, before reading it. */
export function fileTooLarge(size: number): string | undefined {
  return size > MAX_BACKUP_BYTES
    ? `Tệp quá lớn (trên ${MAX_BACKUP_BYTES / 1024 / 1024} MB), không phải tệp sao lưu của trang này.`
    : undefined;
}

/** Writes what the plan adds or replaces, all or nothing; returns the message to show. */
export async function applyRestore(store: Pick<ReviewStore, 'putMany'>, preview: RestorePreview): Promise<string> {
  const { added, replaced, unchanged } = preview.plan;
  const branch = preview.branch;
  await store.putMany(
    [...added, ...replaced.map((entry) => entry.incoming)],
    [...branch.added, ...branch.replaced.map((entry) => entry.incoming)],
  );
  const reviews = `thêm ${added.length}, thay ${replaced.length}, giữ nguyên ${unchanged.length} bản tự soi`;
  if (preview.rounds === 0) return `Đã khôi phục: ${reviews}.`;
  const rounds = `thêm ${branch.added.length}, thay ${branch.replaced.length}, giữ nguyên ${branch.unchanged.length} đợt của chi bộ`;
  return `Đã khôi phục: ${reviews}; ${rounds}.`;
}
