/** The round's settings, autosaved by the same document session as a review. */
import { useEffect, useMemo, useState, useRef } from 'preact/hooks';
import type { Round } from '../../domain/branch/branch-schema';
import { updateRound, type RoundPatch } from '../../domain/branch/entries';
import { DocumentSession } from '../../domain/session/document-session';
import { threeWayMerge } from '../../domain/session/three-way-merge';
import type { BranchStore } from '../../storage/branch-store';
import { SaveStatus } from '../review/SaveStatus';
import { flushOnHide } from '../flush-on-hide';

interface Props {
  store: BranchStore;
  round: Round;
  onSaved: (round: Round) => void;
}

function useRoundSession(store: BranchStore, id: string, onSaved: (round: Round) => void) {
  const session = useMemo(
    () =>
      new DocumentSession<Round>({
        port: store,
        id,
        prepare: (round, now) => ({ ...round, updatedAt: now.toISOString() }),
        // The report panel saves the same round in its own session: merge field by field (report vs settings).
        merge: (base, mine, theirs) => threeWayMerge(base, mine, theirs, ['revision', 'updatedAt']),
        messages: { notFound: 'Không tìm thấy đợt này trên thiết bị. Có thể nó đã bị xóa.' },
      }),
    [store, id],
  );
  const [snapshot, setSnapshot] = useState(session.getSnapshot());
  // The latest callback, without re-subscribing the session on every render.
  const saved = useRef(onSaved);
  saved.current = onSaved;
  useEffect(() => {
    const unsubscribe = session.subscribe((next) => {
      setSnapshot(next);
      if (next.document && (next.saveState.kind === 'saved' || next.saveState.kind === 'synced')) saved.current(next.document);
    });
    void session.start();
    const stopFlushing = flushOnHide(() => session.flushNow());
    return () => {
      stopFlushing();
      unsubscribe();
      session.dispose();
    };
  }, [session]);
  return { snapshot, session };
}

export function RoundSettings({ store, round, onSaved }: Props) {
  const { snapshot, session } = useRoundSession(store, round.id, onSaved);
  const current = snapshot.document ?? round;
  const update = (patch: RoundPatch) => session.update((r) => updateRound(r, patch));
  const number = (value: string, min: number, max: number) => {
    const parsed = Number(value);
    return Number.isInteger(parsed) && parsed >= min && parsed <= max ? parsed : undefined;
  };
  return (
    <section class="panel" aria-labelledby="settings-heading">
      <div class="branch-settings__top">
        <h2 id="settings-heading">Thông tin đợt “{current.period}”</h2>
        <SaveStatus state={snapshot.saveState} onResolve={(keep) => void session.resolveConflict(keep)} kind={store.kind} />
      </div>
      <div class="field-grid">
        <div class="field">
          <label for="settings-branch">Tên chi bộ</label>
          <input
            id="settings-branch"
            value={current.branchName}
            maxLength={200}
            onInput={(e) => update({ branchName: e.currentTarget.value })}
          />
        </div>
        <div class="field">
          <label for="settings-committee">Đảng bộ cấp trên</label>
          <input
            id="settings-committee"
            value={current.higherCommittee}
            maxLength={200}
            onInput={(e) => update({ higherCommittee: e.currentTarget.value })}
          />
        </div>
        <div class="field">
          <label for="settings-members">Số đảng viên của chi bộ</label>
          <input
            id="settings-members"
            type="number"
            min={1}
            max={500}
            inputMode="numeric"
            value={current.memberCount}
            onInput={(e) => {
              const value = number(e.currentTarget.value, 1, 500);
              if (value !== undefined) update({ memberCount: value });
            }}
          />
        </div>
        <div class="field">
          <label for="settings-threshold">Khi đưa ra ngoài chi bộ, ẩn các số nhỏ hơn</label>
          <input
            id="settings-threshold"
            type="number"
            min={0}
            max={50}
            inputMode="numeric"
            aria-describedby="threshold-hint"
            value={current.smallCountThreshold}
            onInput={(e) => {
              const value = number(e.currentTarget.value, 0, 50);
              if (value !== undefined) update({ smallCountThreshold: value });
            }}
          />
          <p class="hint" id="threshold-hint">
            Mặc định 3: số 0, 1, 2 được ghi là “dưới 3”. Ghi 0 để không ẩn.
          </p>
        </div>
      </div>
    </section>
  );
}
