/** The results received in a round: who (or "Đảng viên chưa ghi tên" + number), how and when. */
import type { Entry } from '../../domain/branch/branch-schema';
import { entryLabel, sourceLabels } from '../../domain/branch/entries';
import { describeMoment } from '../review/time';

interface Props {
  entries: readonly Entry[];
  onDelete: (id: string) => void;
}

export function EntryList({ entries, onDelete }: Props) {
  return (
    <section class="panel" aria-labelledby="entries-heading">
      <h2 id="entries-heading">Kết quả đã nhận ({entries.length})</h2>
      {entries.length === 0 ? (
        <p>Chưa có kết quả nào trong đợt này.</p>
      ) : (
        <ul class="entry-list">
          {entries.map((entry) => (
            <li key={entry.id} class="entry-list__item" data-entry={entry.number}>
              <span>
                <strong>{entryLabel(entry)}</strong> · {sourceLabels[entry.source]} · nhận {describeMoment(entry.receivedAt)}
                {entry.sharedAt !== '' && ` · gửi ${describeMoment(entry.sharedAt)}`}
              </span>
              <button
                type="button"
                class="button button--small"
                aria-label={`Bỏ kết quả của ${entryLabel(entry)}`}
                onClick={() => {
                  if (confirm(`Bỏ kết quả của ${entryLabel(entry)} khỏi đợt này?`)) onDelete(entry.id);
                }}
              >
                Bỏ
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
