/**
 * The branch workspace island at /chi-bo/ (client:only: it lives on IndexedDB). Reads a share link's
 * fragment once, removes it from the address bar and history, and hands everything else to the
 * framework-free workspace model.
 */
import { useEffect, useState } from 'preact/hooks';
import { IdbBranchStore } from '../../storage/branch-idb-store';
import { MemoryBranchStore } from '../../storage/branch-memory-store';
import type { BranchStore } from '../../storage/branch-store';
import { makeId } from '../review/ids';
import type { FunctionComponent } from 'preact';
import type { RoundWorkspace as RoundWorkspaceType } from './RoundWorkspace';
import { RoundForm } from './RoundForm';
import { BranchWorkspace, type WorkspaceChecklist, type WorkspaceState } from './workspace';
import '../../styles/review.css';
import './branch.css';

type RoundView = FunctionComponent<Parameters<typeof RoundWorkspaceType>[0]>;

interface Props {
  checklists: readonly WorkspaceChecklist[];
}

/** Takes a share fragment out of the address bar (and the history entry) and returns it. */
function takeFragment(): string | undefined {
  const hash = location.hash;
  if (!hash.startsWith('#s')) return undefined;
  history.replaceState(history.state, '', location.pathname + location.search);
  return hash.slice(1);
}

async function openBranchStore(): Promise<{ store: BranchStore; warning?: string }> {
  try {
    if (typeof indexedDB === 'undefined') throw new Error('no indexedDB');
    return { store: await IdbBranchStore.open() };
  } catch {
    return {
      store: new MemoryBranchStore(),
      warning:
        'Không mở được bộ nhớ của trình duyệt (có thể do cửa sổ ẩn danh). Bạn vẫn tổng hợp được, nhưng khi đóng trang mọi thứ sẽ mất.',
    };
  }
}

export default function BranchApp({ checklists }: Props) {
  const [workspace, setWorkspace] = useState<BranchWorkspace | undefined>(undefined);
  const [state, setState] = useState<WorkspaceState | undefined>(undefined);
  const [warning, setWarning] = useState<string | undefined>(undefined);
  const [pendingLink, setPendingLink] = useState<string | undefined>(() => takeFragment());
  const [creating, setCreating] = useState(false);
  const [RoundView, setRoundView] = useState<RoundView | undefined>(undefined);
  const [viewError, setViewError] = useState(false);
  const hasRound = state?.round !== undefined;

  useEffect(() => {
    // The round's views (adding results, the picture and its chart) load once there is a round.
    if (!hasRound || RoundView) return;
    import('./RoundWorkspace').then(
      (module) => setRoundView(() => module.RoundWorkspace),
      () => setViewError(true),
    );
  }, [hasRound, RoundView]);

  useEffect(() => {
    let active = true;
    let opened: BranchStore | undefined;
    void openBranchStore().then(async ({ store, warning: problem }) => {
      opened = store;
      const model = new BranchWorkspace(store, checklists, makeId);
      await model.load();
      if (!active) return;
      model.subscribe(setState);
      setWorkspace(model);
      setState(model.getState());
      setWarning(problem);
    });
    const onHash = () => {
      const fragment = takeFragment();
      if (fragment) setPendingLink(fragment);
    };
    addEventListener('hashchange', onHash);
    return () => {
      active = false;
      removeEventListener('hashchange', onHash);
      opened?.close();
    };
  }, [checklists]);

  const notice = state?.notice;
  useEffect(() => {
    // After a round is deleted its views are gone: focus goes to the rounds, where the notice is read.
    if (notice) document.getElementById('rounds-heading')?.focus();
  }, [notice]);

  if (!workspace || !state) {
    return (
      <p role="status" class="review-loading">
        Đang mở bộ nhớ trên thiết bị…
      </p>
    );
  }
  const round = state.round;

  return (
    <div class="branch-app">
      {warning && (
        <p class="alert alert--warning" role="alert">
          {warning}
        </p>
      )}
      {pendingLink && (
        <section class="panel" aria-labelledby="pending-link-heading">
          <h2 id="pending-link-heading">Kết quả từ liên kết</h2>
          <p>
            Trang vừa nhận một kết quả tự soi từ liên kết (đã xóa khỏi thanh địa chỉ).{' '}
            {round ? `Thêm vào đợt “${round.period}”?` : 'Hãy tạo đợt tổng hợp trước, rồi thêm kết quả này.'}
          </p>
          <div class="button-row">
            {round && (
              <button
                type="button"
                class="button button--primary"
                onClick={() => {
                  const link = pendingLink;
                  setPendingLink(undefined);
                  void workspace.addLink(link);
                }}
              >
                Thêm vào đợt này
              </button>
            )}
            <button type="button" class="button" onClick={() => setPendingLink(undefined)}>
              Bỏ qua
            </button>
          </div>
        </section>
      )}
      <section class="panel" aria-labelledby="rounds-heading">
        <h2 id="rounds-heading" tabIndex={-1}>
          Đợt tổng hợp
        </h2>
        <p class="status-line" role="status">
          {state.notice}
        </p>
        {state.rounds.length > 0 && (
          <div class="field">
            <label for="round-select">Đợt đang xem</label>
            <select id="round-select" value={round?.id} onChange={(e) => void workspace.select(e.currentTarget.value)}>
              {state.rounds.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.period}
                  {r.branchName ? ` — ${r.branchName}` : ''}
                </option>
              ))}
            </select>
          </div>
        )}
        {creating || state.rounds.length === 0 ? (
          <RoundForm
            checklists={checklists}
            previous={round}
            onCancel={state.rounds.length > 0 ? () => setCreating(false) : undefined}
            onCreate={async (input) => {
              if (round && input.fromPrevious) await workspace.startNext(round, input.period);
              else await workspace.createRound(input);
              setCreating(false);
            }}
          />
        ) : (
          <button type="button" class="button" onClick={() => setCreating(true)}>
            Tạo đợt mới
          </button>
        )}
      </section>
      {round && !creating && RoundView && <RoundView workspace={workspace} state={state} round={round} />}
      {round && !creating && !RoundView && (
        <p role={viewError ? 'alert' : 'status'} class={viewError ? 'alert alert--error' : 'review-loading'}>
          {viewError ? 'Không tải được phần tổng hợp. Hãy kiểm tra kết nối mạng rồi tải lại trang.' : 'Đang tải phần tổng hợp…'}
        </p>
      )}
    </div>
  );
}
