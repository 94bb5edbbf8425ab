/**
 * The branch workspace island at /chi-bo/ (client:only: it lives on IndexedDB). Reads a share link's
 * fragment once, removes it from the address bar and history, and hands everything else to the
 * framework-free workspace model. While the data is locked it asks for the passphrase (the lock is
 * turned on and off at /tu-soi/); a workspace already open stays mounted, hidden, so edits survive.
 */
import { useEffect, useState } from 'preact/hooks';
import { DocumentLockedError } from '../../domain/errors';
import { IdbBranchStore } from '../../storage/branch-idb-store';
import type { BranchStore } from '../../storage/branch-store';
import type { LockStatus } from '../../storage/review-store';
import { makeId } from '../review/ids';
import type { FunctionComponent } from 'preact';
import type { BranchLockPanel as BranchLockPanelType } from './BranchLockPanel';
import type { RoundWorkspace as RoundWorkspaceType } from './RoundWorkspace';
import { RoundForm } from './RoundForm';
import { BranchWorkspace, type WorkspaceChecklist, type WorkspaceState } from './workspace';
import '../../styles/review.css';
import './branch.css';

type RoundView = FunctionComponent<Parameters<typeof RoundWorkspaceType>[0]>;
type LockPanelProps = Parameters<typeof BranchLockPanelType>[0];

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
    // The fallback is rarely needed, so it loads only then (first-load budget).
    const { MemoryBranchStore, MEMORY_WARNING } = await import('../../storage/branch-memory-store');
    return { store: new MemoryBranchStore(), warning: MEMORY_WARNING };
  }
}

export default function BranchApp({ checklists }: Props) {
  const [store, setStore] = useState<BranchStore | undefined>(undefined);
  const [lock, setLock] = useState<LockStatus | undefined>(undefined);
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
    void openBranchStore().then(async ({ store: next, warning: problem }) => {
      opened = next;
      const status = (await next.lock?.status().catch((): LockStatus => 'locked')) ?? 'off';
      if (!active) return;
      setWarning(problem);
      setStore(next);
      setLock(status);
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
  }, []);

  // The lock was opened, closed, turned on or off, here or in another tab.
  useEffect(() => {
    const lockApi = store?.lock;
    if (!lockApi) return;
    return lockApi.onChange(() => void lockApi.status().then(setLock, () => setLock('locked')));
  }, [store]);

  const open = lock === 'off' || lock === 'unlocked';
  useEffect(() => {
    // Loads the workspace once the data can be read, and again after each unlock (it may have changed meanwhile).
    if (!store || !open) return;
    let active = true;
    const model = workspace ?? new BranchWorkspace(store, checklists, makeId);
    model.load(model.getState().round?.id).then(
      () => {
        if (!active || workspace) return;
        model.subscribe(setState);
        setWorkspace(model);
        setState(model.getState());
      },
      (error: unknown) => {
        if (active && error instanceof DocumentLockedError) setLock('locked');
      },
    );
    return () => {
      active = false;
    };
    // The workspace is made once; it is reloaded when the data opens again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store, open, checklists]);

  const locked = lock === 'locked' && store?.lock !== undefined;
  // The lock's views (unlock form, "Khóa ngay", auto-lock) load only when the lock is on.
  const lockOn = store?.lock !== undefined && (lock === 'locked' || lock === 'unlocked');
  const [LockPanel, setLockPanel] = useState<FunctionComponent<LockPanelProps> | undefined>(undefined);
  const [lockPanelError, setLockPanelError] = useState(false);
  useEffect(() => {
    if (!lockOn || LockPanel) return;
    import('./BranchLockPanel').then(
      (module) => setLockPanel(() => module.BranchLockPanel),
      () => setLockPanelError(true),
    );
  }, [lockOn, LockPanel]);
  const lockView =
    lockOn &&
    store?.lock &&
    (LockPanel ? (
      <LockPanel lock={store.lock} locked={locked} onUnlocked={() => setLock('unlocked')} />
    ) : (
      locked && (
        <p role="status" class="review-loading">
          {lockPanelError ? 'Không tải được ô nhập mật khẩu. Hãy tải lại trang.' : 'Dữ liệu đang khóa…'}
        </p>
      )
    ));
  const notice = state?.notice;
  useEffect(() => {
    // After a round is deleted its views are gone: focus goes to the rounds, where the notice is read.
    if (notice) document.getElementById('rounds-heading')?.focus();
  }, [notice]);
  if (!workspace || !state || !store) {
    return locked ? (
      <div class="branch-app">{lockView}</div>
    ) : (
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
      {lockView}
      {/* While locked, an open workspace stays mounted (hidden): its unsaved edits are saved after unlocking. */}
      <div hidden={locked}>
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
                    // Kept until it is stored: the address bar no longer holds it.
                    void workspace.addLink(pendingLink).then((stored) => stored && setPendingLink(undefined));
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
          {state.rounds.length > 0 && !locked && (
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
        {round && !creating && RoundView && <RoundView workspace={workspace} state={state} round={round} locked={locked} />}
        {round && !creating && !RoundView && (
          <p role={viewError ? 'alert' : 'status'} class={viewError ? 'alert alert--error' : 'review-loading'}>
            {viewError ? 'Không tải được phần tổng hợp. Hãy kiểm tra kết nối mạng rồi tải lại trang.' : 'Đang tải phần tổng hợp…'}
          </p>
        )}
      </div>
    </div>
  );
}
