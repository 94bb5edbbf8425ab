/** The results received in a round: who (or "Đảng viên chưa ghi tên" + number), how and when. */
import { useState } from 'preact/hooks';
import type { Entry } from '../../domain/branch/branch-schema';
import { entryLabel, sourceLabels } from '../../domain/branch/entries';
import { ConfirmDialog } from '../review/ConfirmDialog';
import { describeMoment } from '../review/time';

interface Props {
  entries: readonly Entry[];
  onDelete: (id: string) => void;
}

export function EntryList({ entries, onDelete }: Props) {
  // An in-page dialog, not confirm(): some in-app browsers (Zalo, Facebook) never show the native one.
  const [asking, setAsking] = useState<Entry | undefined>(undefined);
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
                onClick={() => setAsking(entry)}
              >
                Bỏ
              </button>
            </li>
          ))}
        </ul>
      )}
      {asking && (
        <ConfirmDialog
          title="Bỏ kết quả này?"
          message={`Kết quả của ${entryLabel(asking)} sẽ bị bỏ khỏi đợt này và khỏi các con số của chi bộ.`}
          confirmLabel="Bỏ kết quả"
          onCancel={() => setAsking(undefined)}
          onConfirm={() => {
            setAsking(undefined);
            onDelete(asking.id);
          }}
        />
      )}
    </section>
  );
}
