/** The branch rounds (/chi-bo/) a restore would add or replace, listed before the member confirms. */
import type { BranchRestorePlan } from '../../../domain/backup-branch';
import type { Round } from '../../../domain/branch/branch-schema';
import { describeMoment } from '../time';

const name = (round: Pick<Round, 'branchName' | 'period'>) =>
  `“${round.period}”${round.branchName.trim() === '' ? '' : ` của ${round.branchName}`}`;

export function BranchPreview({ plan }: { plan: BranchRestorePlan }) {
  return (
    <>
      <p>Đợt tự phê bình của chi bộ (trang Chi bộ):</p>
      <ul>
        {plan.added.map(({ round, entries }) => (
          <li key={round.id}>
            Thêm mới đợt {name(round)}, {entries.length} kết quả đã nhận
          </li>
        ))}
        {plan.replaced.map(({ incoming, existing }) => (
          <li key={incoming.round.id}>
            <strong>Thay thế</strong> đợt {name(existing)} trên máy (sửa {describeMoment(existing.updatedAt)},{' '}
            {existing.entryCount} kết quả) bằng đợt trong tệp (sửa {describeMoment(incoming.round.updatedAt)},{' '}
            {incoming.entries.length} kết quả)
            {incoming.round.updatedAt < existing.updatedAt ? ' — đợt trong tệp CŨ HƠN đợt trên máy' : ''}
          </li>
        ))}
        {plan.unchanged.map(({ round }) => (
          <li key={round.id}>Giống hệt đợt trên máy, bỏ qua: {name(round)}</li>
        ))}
      </ul>
    </>
  );
}
