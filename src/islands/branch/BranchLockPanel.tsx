/**
 * The passphrase lock on /chi-bo/, loaded only when the lock is on: the unlock form while locked;
 * while unlocked, "Khóa ngay" (locks every open tab) and the auto-lock chosen at /tu-soi/. Turning
 * the lock on or off stays at /tu-soi/.
 */
import { useMemo } from 'preact/hooks';
import { sitePath } from '../../site/paths';
import type { BranchLock } from '../../storage/branch-store';
import { UnlockForm } from '../review/UnlockForm';
import { useAutoLock } from '../use-auto-lock';

interface Props {
  lock: BranchLock;
  locked: boolean;
  onUnlocked: () => void;
}

export function BranchLockPanel({ lock, locked, onUnlocked }: Props) {
  const source = useMemo(() => ({ lockNow: () => lock.lockNow(), autoLockMinutes: () => lock.autoLockMinutes() }), [lock]);
  useAutoLock(source, !locked);
  if (locked) return <UnlockForm lock={lock} variant="branch" onUnlocked={onUnlocked} />;
  return (
    <div class="panel">
      <p>
        Dữ liệu của chi bộ được khóa bằng mật khẩu và đang mở ở thẻ này. Bật, tắt khóa hoặc chọn thời gian tự khóa ở trang{' '}
        <a href={sitePath('tu-soi/')}>Tự soi</a>.
      </p>
      <button type="button" class="button" onClick={() => lock.lockNow(true)}>
        Khóa ngay
      </button>
    </div>
  );
}
