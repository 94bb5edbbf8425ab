/**
 * The branch workspace's state and actions, without a framework (tested in Node with the memory
 * store): rounds, the results received, and adding results from files, links and paper forms.
 * Every way in is parsed completely before anything is written; a batch is written in one
 * transaction, so bad input never changes what is stored.
 */
import type { Entry, Round } from '../../domain/branch/branch-schema';
import {
  createRound,
  entryFor,
  entryLabel,
  nextRound,
  planAddition,
  receivedFromFile,
  receivedFromLink,
  receivedFromPaper,
  type Received,
} from '../../domain/branch/entries';
import type { PictureChecklist } from '../../domain/branch/picture';
import { describeMoment } from '../review/time';
import { readShareFile, readShareFragment, ShareError, type ActionCounts } from '../../domain/share';
import type { BranchStore } from '../../storage/branch-store';
import { DocumentLockedError } from '../../domain/errors';

export interface WorkspaceChecklist extends PictureChecklist {
  readonly id: string;
  readonly shortTitle: string;
}

/** What happened to one thing the secretary gave, shown as a list after each addition. */
export interface AddReport {
  /** File name, "Liên kết" or "Phiếu giấy". */
  readonly source: string;
  readonly kind: 'added' | 'replaced' | 'identical' | 'older' | 'refused';
  readonly message: string;
  readonly warnings: readonly string[];
}

export interface WorkspaceState {
  readonly rounds: readonly Round[];
  readonly round: Round | undefined;
  readonly entries: readonly Entry[];
  readonly reports: readonly AddReport[];
  /** What the last action on rounds did (a round deleted), spoken by the page's status line. */
  readonly notice: string | undefined;
}

const warningText = {
  'other-checklist': 'Bản này làm theo một danh mục khác với danh mục của đợt: các biểu hiện không khớp sẽ tính là chưa trả lời.',
  'other-period': 'Kỳ tự soi của bản này khác với kỳ của đợt. Hãy kiểm tra lại đồng chí đã gửi đúng bản chưa.',
} as const;

function ignoreLocked(error: unknown): void {
  if (!(error instanceof DocumentLockedError)) throw error;
}

export class BranchWorkspace {
  private state: WorkspaceState = { rounds: [], round: undefined, entries: [], reports: [], notice: undefined };
  private readonly listeners = new Set<(state: WorkspaceState) => void>();

  constructor(
    readonly store: BranchStore,
    private readonly checklists: readonly WorkspaceChecklist[],
    private readonly makeId: () => string,
    private readonly now: () => Date = () => new Date(),
  ) {
    store.onEntriesChange((roundId) => {
      // While the data is locked the page reloads everything after unlocking: nothing to read now.
      if (roundId === this.state.round?.id) this.reloadEntries().catch((error: unknown) => ignoreLocked(error));
    });
  }

  getState(): WorkspaceState {
    return this.state;
  }

  subscribe(listener: (state: WorkspaceState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  checklist(id: string): WorkspaceChecklist | undefined {
    return this.checklists.find((checklist) => checklist.id === id);
  }

  itemIds(checklistId: string): string[] {
    return this.checklist(checklistId)?.groups.flatMap((group) => group.items.map((item) => item.id)) ?? [];
  }

  async load(roundId?: string): Promise<void> {
    const rounds = await this.store.listRounds();
    const round = rounds.find((r) => r.id === roundId) ?? rounds[0];
    this.set({ rounds, round, entries: round ? await this.store.listEntries(round.id) : [], reports: [], notice: undefined });
  }

  async select(roundId: string): Promise<void> {
    await this.load(roundId);
  }

  async createRound(input: {
    period: string;
    memberCount: number;
    branchName: string;
    higherCommittee: string;
    checklistId: string;
  }) {
    const round = await this.store.createRound(createRound({ ...input, id: this.makeId(), now: this.now() }));
    await this.load(round.id);
    return round;
  }

  async startNext(from: Round, period: string): Promise<Round> {
    const round = await this.store.createRound(nextRound(from, { id: this.makeId(), period, now: this.now() }));
    await this.load(round.id);
    return round;
  }

  /** Keeps the round shown in step with the autosaved one. */
  roundSaved(round: Round): void {
    if (round.id !== this.state.round?.id) return;
    this.set({ round, rounds: this.state.rounds.map((r) => (r.id === round.id ? round : r)) });
  }

  /** Adds many share files at once; each is reported; the valid ones are written together. False: not stored. */
  async addFiles(files: readonly { name: string; text: string }[]): Promise<boolean> {
    const round = this.requireRound();
    const checklist = { id: round.checklistId, itemIds: this.itemIds(round.checklistId) };
    const incoming: { source: string; received?: Received; error?: string }[] = files.map((file) => {
      try {
        return { source: file.name, received: receivedFromFile(readShareFile(file.text, checklist)) };
      } catch (error) {
        return {
          source: file.name,
          error: error instanceof ShareError ? error.message : 'Không đọc được tệp này. Không có gì bị thay đổi.',
        };
      }
    });
    return this.apply(round, incoming);
  }

  /** Adds a result from a link or the part after "#". False when storing failed (keep the link to try again). */
  async addLink(text: string): Promise<boolean> {
    const round = this.requireRound();
    const fragment = text.includes('#') ? text.slice(text.indexOf('#') + 1) : text;
    const checklists = new Map(this.checklists.map((c) => [c.id, this.itemIds(c.id)]));
    try {
      return await this.apply(round, [
        { source: 'Liên kết', received: receivedFromLink(readShareFragment(fragment, checklists)) },
      ]);
    } catch (error) {
      if (!(error instanceof ShareError)) throw error;
      return this.apply(round, [{ source: 'Liên kết', error: error.message }]);
    }
  }

  /** Adds a paper form typed by hand (levels already parsed). */
  async addPaper(input: { levels: Received['levels']; name: string; actionCounts: ActionCounts }): Promise<boolean> {
    const round = this.requireRound();
    // Loaded with the paper form's views, not with the page.
    const { checkPaperName } = await import('../../domain/branch/paper-entry');
    const problem = checkPaperName(input.name);
    if (problem) {
      await this.apply(round, [{ source: 'Phiếu giấy', error: `${problem} Không có gì bị thay đổi.` }]);
      return false;
    }
    const received = receivedFromPaper({
      id: this.makeId(),
      round,
      levels: input.levels,
      name: input.name,
      actionCounts: input.actionCounts,
    });
    return this.apply(round, [{ source: 'Phiếu giấy', received }]);
  }

  /** Deletes a round with the results received in it, then shows the most recent round left. */
  async deleteRound(id: string): Promise<void> {
    const round = this.state.rounds.find((r) => r.id === id);
    const count = round && id === this.state.round?.id ? this.state.entries.length : (await this.store.listEntries(id)).length;
    await this.store.deleteRound(id);
    await this.load();
    const what = round ? `đợt “${round.period}”` : 'đợt';
    this.set({ notice: `Đã xóa ${what}${count > 0 ? ` cùng ${count} kết quả đã nhận` : ''}.` });
  }

  async deleteEntry(id: string): Promise<void> {
    await this.store.deleteEntry(id);
    await this.reloadEntries();
  }

  clearReports(): void {
    this.set({ reports: [] });
  }

  /** Reports each thing given and writes the new ones together; false when that write failed (nothing stored). */
  private async apply(
    round: Round,
    incoming: readonly { source: string; received?: Received; error?: string }[],
  ): Promise<boolean> {
    let entries = [...this.state.entries];
    const toWrite = new Map<string, Entry>();
    const reports: AddReport[] = [];
    const now = this.now();
    for (const item of incoming) {
      if (!item.received) {
        reports.push({ source: item.source, kind: 'refused', message: item.error ?? '', warnings: [] });
        continue;
      }
      const plan = planAddition(round, entries, item.received);
      const warnings = plan.warnings.map((warning) => warningText[warning]);
      const who = plan.existing ? entryLabel(plan.existing) : '';
      if (plan.kind === 'identical') {
        reports.push({
          source: item.source,
          kind: 'identical',
          message: `Giống hệt kết quả đã có của ${who}: bỏ qua.`,
          warnings,
        });
        continue;
      }
      if (plan.kind === 'older') {
        reports.push({
          source: item.source,
          kind: 'older',
          message: `Đây là bản cũ hơn kết quả đã có của ${who}: giữ bản mới, bỏ qua bản này.`,
          warnings,
        });
        continue;
      }
      const entry = entryFor(round, entries, item.received, plan, { id: this.makeId(), now });
      entries = [...entries.filter((e) => e.id !== entry.id), entry];
      toWrite.set(entry.id, entry);
      reports.push(
        plan.kind === 'replaces' && plan.existing
          ? {
              source: item.source,
              kind: 'replaced',
              message: `Bản mới của ${who} thay cho bản nhận lúc ${describeMoment(plan.existing.receivedAt)}.`,
              warnings,
            }
          : { source: item.source, kind: 'added', message: `Đã thêm: ${entryLabel(entry)}.`, warnings },
      );
    }
    if (toWrite.size > 0) {
      try {
        await this.store.putEntries([...toWrite.values()]);
      } catch (error) {
        // Locked in another tab meanwhile, or the browser's storage failed: say so, store nothing.
        const message =
          error instanceof DocumentLockedError
            ? 'Chưa lưu: dữ liệu vừa được khóa. Hãy mở khóa rồi thêm lại; không có gì bị thay đổi.'
            : 'Chưa lưu: bộ nhớ của trình duyệt báo lỗi. Không có gì bị thay đổi; hãy thử lại.';
        const unsaved = (r: AddReport) => r.kind === 'added' || r.kind === 'replaced';
        this.set({ reports: reports.map((r) => (unsaved(r) ? { ...r, kind: 'refused', message } : r)) });
        return false;
      }
      entries.sort((x, y) => x.number - y.number);
    }
    this.set({ entries, reports });
    return true;
  }

  private async reloadEntries(): Promise<void> {
    const round = this.state.round;
    if (!round) return;
    this.set({ entries: await this.store.listEntries(round.id) });
  }

  private requireRound(): Round {
    const round = this.state.round;
    if (!round) throw new Error('No round selected');
    return round;
  }

  private set(patch: Partial<WorkspaceState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener(this.state);
  }
}
