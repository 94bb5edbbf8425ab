/**
 * The report half of a round, loaded on demand: its own autosave session over the round (the
 * generic document session, with a three-way merge so the round's settings edited elsewhere and
 * the report edited here never overwrite each other), the save status, then the workspace.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Round } from '../../../domain/branch/branch-schema';
import { DocumentSession } from '../../../domain/session/document-session';
import { threeWayMerge } from '../../../domain/session/three-way-merge';
import { flushOnHide } from '../../flush-on-hide';
import { makeId } from '../../review/ids';
import { SaveStatus } from '../../review/SaveStatus';
import type { ReportPanelProps } from './ReportLauncher';
import { ReportWorkspace } from './ReportWorkspace';

const BOOKKEEPING = ['revision', 'updatedAt'] as const;

export function ReportPanel({ store, round, entries, checklist }: ReportPanelProps) {
  const session = useMemo(
    () =>
      new DocumentSession<Round>({
        port: store,
        id: round.id,
        prepare: (current, now) => ({ ...current, updatedAt: now.toISOString() }),
        adopt: (draft, stored) => ({ ...draft, revision: stored.revision, updatedAt: stored.updatedAt }),
        merge: (base, mine, theirs) => threeWayMerge(base, mine, theirs, BOOKKEEPING),
        messages: { notFound: 'Không tìm thấy đợt này trên thiết bị. Có thể nó đã bị xóa.' },
      }),
    [store, round.id],
  );
  const [snapshot, setSnapshot] = useState(session.getSnapshot());
  useEffect(() => {
    const unsubscribe = session.subscribe(setSnapshot);
    void session.start();
    const stopFlushing = flushOnHide(() => session.flushNow());
    return () => {
      stopFlushing();
      unsubscribe();
      session.flushNow();
      session.dispose();
    };
  }, [session]);

  if (snapshot.loadError) {
    return (
      <p class="alert alert--error" role="alert">
        {snapshot.loadError}
      </p>
    );
  }
  const current = snapshot.document;
  if (!current) return <p role="status">Đang mở báo cáo…</p>;
  if (!checklist) {
    return (
      <p class="alert alert--error" role="alert">
        Đợt này dùng danh mục “{current.checklistId}” mà trang hiện không còn. Dữ liệu vẫn được giữ nguyên.
      </p>
    );
  }
  return (
    <div>
      <SaveStatus state={snapshot.saveState} onResolve={(keep) => void session.resolveConflict(keep)} kind={store.kind} />
      <ReportWorkspace
        // The round's facts (branch name, size, threshold) come from the workspace, the report from this session.
        round={{ ...round, report: current.report }}
        entries={entries}
        checklist={checklist}
        update={(change) => session.update(change)}
        flush={() => session.flush()}
        makeId={makeId}
      />
    </div>
  );
}
