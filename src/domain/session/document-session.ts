/**
 * An autosaved document, without a framework: loads one document, keeps this tab's draft, writes
 * it `delayMs` after the last change and at once when the page is hidden, never overwrites another
 * tab's save silently (merges edits to different fields, asks only when the same field differs),
 * and says so when the document was deleted or locked elsewhere. The clock and timer are injected
 * so every path is tested in Node with fake timers. Used for reviews; branch documents reuse it.
 */
import { DocumentConflictError, DocumentLockedError, userMessage } from '../errors';
import type { MergeResult } from './three-way-merge';

/** What the session needs of a document: an id and a revision the store bumps by one per save. */
export interface VersionedDocument {
  readonly id: string;
  readonly revision: number;
}

/** A change another tab made; `revision` is null after a delete. */
export interface DocumentChange {
  readonly id: string;
  readonly revision: number | null;
}

/** The store, as the session sees it. */
export interface DocumentPort<T extends VersionedDocument> {
  /** The stored document, or undefined when absent. */
  get(id: string): Promise<T | undefined>;
  /**
   * Stores `doc` if the stored revision is still `doc.revision`; resolves with the stored record
   * (revision + 1). Rejects with DocumentConflictError when someone else saved first, with
   * DocumentLockedError when the data is locked, with anything else when the write failed.
   */
  save(doc: T): Promise<T>;
  /** Optional: keeps a copy of `doc` (edited from `doc.revision`), started synchronously, as the page goes away. */
  saveOnExit?(doc: T): void;
  /** Optional: whether the last `get(id)` returned an exit copy's edits, which are not saved yet. */
  restoredOnExit?(id: string): boolean;
  /** Calls the listener when another tab changes or deletes a document. Returns an unsubscribe. */
  onExternalChange(listener: (change: DocumentChange) => void): () => void;
  /** Optional: calls the listener when the lock is opened or closed, so a save the lock refused is tried again. */
  onLockChange?(listener: () => void): () => void;
}

/** Time and timers, injected (tests pass fake ones). */
export interface SessionClock {
  now(): Date;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: SessionClock = {
  now: () => new Date(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Debounce before a change is written. */
export const SAVE_DELAY_MS = 300;
/** Wait before a failed write is tried again. */
export const RETRY_DELAY_MS = 2000;

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  /** Updated to another tab's save; `merged` when this tab's unsaved edits were kept on top of it. */
  | { kind: 'synced'; at: Date; merged?: boolean }
  | { kind: 'error'; message: string }
  /** Both tabs changed the same fields (paths in `fields`): the member chooses which to keep. */
  | { kind: 'conflict'; fields?: readonly string[] }
  | { kind: 'deleted-elsewhere' }
  /** The data was locked (in another tab): unsaved edits wait here until it is unlocked. */
  | { kind: 'locked' };

export interface SessionSnapshot<T> {
  readonly document: T | undefined;
  readonly loadError: string | undefined;
  readonly saveState: SaveState;
}

export interface SessionOptions<T extends VersionedDocument> {
  readonly port: DocumentPort<T>;
  readonly id: string;
  readonly clock?: SessionClock;
  readonly delayMs?: number;
  readonly retryDelayMs?: number;
  /** Applied to the draft just before it is written (e.g. set the time of the last change). */
  readonly prepare?: (doc: T, now: Date) => T;
  /** Takes bookkeeping from the stored record into the draft after a save (default: the revision). */
  readonly adopt?: (draft: T, stored: T) => T;
  /** Three-way merge for conflicts; without it the member always chooses a whole version. */
  readonly merge?: (base: T, mine: T, theirs: T) => MergeResult<T>;
  /** A member-facing message for a load error the session does not know (undefined: generic). */
  readonly describeLoadError?: (error: unknown) => string | undefined;
  /** Messages for the member. */
  readonly messages?: Partial<typeof defaultMessages>;
}

const defaultMessages = {
  notFound: 'Không tìm thấy bản này trên thiết bị. Có thể nó đã bị xóa.',
  unreadable: 'Không đọc được bản này từ bộ nhớ của trình duyệt.',
  writeFailed: 'Chưa lưu được thay đổi. Trang sẽ tự thử lại.',
};

type Blocked = 'conflict' | 'deleted' | 'locked' | undefined;

export class DocumentSession<T extends VersionedDocument> {
  private snapshot: SessionSnapshot<T> = { document: undefined, loadError: undefined, saveState: { kind: 'idle' } };
  private readonly listeners = new Set<(snapshot: SessionSnapshot<T>) => void>();
  private readonly clock: SessionClock;
  private readonly messages: typeof defaultMessages;
  /** The stored version this tab's draft was last in step with (the base of a three-way merge). */
  private base: T | undefined;
  private draft: T | undefined;
  private dirty = false;
  private blocked: Blocked;
  private timer: unknown;
  /** The latest write in flight, and the revision it will store when it succeeds. */
  private inflight: Promise<void> | undefined;
  private inflightRevision = 0;
  private unsubscribe: (() => void) | undefined;
  private disposed = false;

  constructor(private readonly options: SessionOptions<T>) {
    this.clock = options.clock ?? systemClock;
    this.messages = { ...defaultMessages, ...options.messages };
  }

  getSnapshot(): SessionSnapshot<T> {
    return this.snapshot;
  }

  subscribe(listener: (snapshot: SessionSnapshot<T>) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Listens to other tabs and loads the document. */
  async start(): Promise<void> {
    const port = this.options.port;
    const external = port.onExternalChange((change) => void this.onExternalChange(change));
    // A save refused because the data got locked waits here; it is tried again once unlocked.
    const lock = port.onLockChange?.(() => this.retry());
    this.unsubscribe = () => {
      external();
      lock?.();
    };
    await this.load();
  }

  /** Applies an edit to the draft and schedules the write. */
  update(change: (doc: T) => T): void {
    if (!this.draft) return;
    this.draft = change(this.draft);
    this.dirty = true;
    this.set({ document: this.draft, ...(this.blocked ? {} : { saveState: { kind: 'pending' } }) });
    this.schedule(this.options.delayMs ?? SAVE_DELAY_MS);
  }

  /** Writes pending changes now and waits for the write (before printing, after the last edit). */
  async flush(): Promise<void> {
    this.clock.clearTimeout(this.timer);
    await this.save();
  }

  /**
   * Starts writing pending changes synchronously, for `pagehide`: nothing is awaited before the
   * store is called, so its transaction opens before the page goes away. A write already in flight
   * is not waited for: this one expects the revision that write will store.
   */
  flushNow(): void {
    this.clock.clearTimeout(this.timer);
    if (this.blocked || !this.draft) return;
    // The ordinary save may be cut off as the page goes, so the store first keeps a copy: its
    // write must start before the save's, which would otherwise hold it back.
    const keepCopy = (doc: T) => this.options.port.saveOnExit?.(doc);
    if (this.dirty) this.startSave(keepCopy);
    // Nothing new, but a write may still be in flight: the copy covers it if the page goes first.
    else if (this.inflight) keepCopy(this.prepared({ ...this.draft, revision: this.inflightRevision }));
  }

  /** Settles a conflict: both tabs' other edits are kept; the differing fields take `keep`'s value. */
  async resolveConflict(keep: 'mine' | 'theirs'): Promise<void> {
    const theirs = await this.options.port.get(this.options.id).catch(() => undefined);
    if (!theirs) {
      this.block('deleted');
      return;
    }
    const draft = this.draft;
    if (!draft || !this.base || !this.options.merge) {
      if (keep === 'theirs' || !draft) this.adoptStored(theirs, false);
      else this.rebase(theirs, draft, false);
    } else {
      this.rebase(theirs, this.options.merge(this.base, draft, theirs)[keep], false);
    }
    await this.save();
  }

  /** Tries the write again after the data was unlocked or a write failed. */
  retry(): void {
    if (this.blocked === 'locked') this.blocked = undefined;
    if (this.dirty && !this.blocked) this.flushNow();
  }

  /** Stops listening and writes what is pending. */
  dispose(): void {
    this.disposed = true;
    this.unsubscribe?.();
    this.flushNow();
  }

  private set(patch: Partial<SessionSnapshot<T>>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener(this.snapshot);
  }

  private block(reason: Exclude<Blocked, undefined>, fields?: readonly string[]): void {
    this.blocked = reason;
    this.clock.clearTimeout(this.timer);
    const saveState: SaveState =
      reason === 'deleted'
        ? { kind: 'deleted-elsewhere' }
        : reason === 'locked'
          ? { kind: 'locked' }
          : { kind: 'conflict', ...(fields ? { fields } : {}) };
    this.set({ saveState });
  }

  private schedule(ms: number): void {
    this.clock.clearTimeout(this.timer);
    if (this.disposed) return;
    this.timer = this.clock.setTimeout(() => void this.save(), ms);
  }

  private async load(): Promise<void> {
    try {
      const loaded = await this.options.port.get(this.options.id);
      if (!loaded) {
        this.set({ loadError: this.messages.notFound });
        return;
      }
      this.base = loaded;
      this.draft = loaded;
      this.dirty = false;
      this.set({ document: loaded, loadError: undefined });
      // Edits kept as the page last went away are written properly now.
      if (this.options.port.restoredOnExit?.(this.options.id)) {
        this.dirty = true;
        this.schedule(0);
      }
    } catch (error) {
      this.set({ loadError: this.options.describeLoadError?.(error) ?? userMessage(error, this.messages.unreadable) });
    }
  }

  /** Waits for a write in flight, then writes what is pending. */
  private async save(): Promise<void> {
    await this.settled();
    if (!this.dirty || !this.draft || this.blocked) return;
    this.startSave();
    await this.settled();
  }

  /** Resolves once no write is in flight (writes started meanwhile included). */
  private async settled(): Promise<void> {
    while (this.inflight) await this.inflight;
  }

  private prepared(doc: T): T {
    return this.options.prepare ? this.options.prepare(doc, this.clock.now()) : doc;
  }

  /** Starts writing the draft; `first` is given what will be written just before the write starts. */
  private startSave(first?: (doc: T) => void): void {
    const draft = this.draft;
    if (!draft) return;
    const expected = this.inflight ? this.inflightRevision : draft.revision;
    const toStore = this.prepared({ ...draft, revision: expected });
    this.dirty = false;
    this.inflightRevision = expected + 1;
    this.set({ saveState: { kind: 'saving' } });
    first?.(toStore);
    const settle = () => {
      if (this.inflight === attempt) this.inflight = undefined;
    };
    const attempt: Promise<void> = this.options.port.save(toStore).then(
      (stored) => {
        settle();
        this.saved(stored);
      },
      (error: unknown) => {
        settle();
        return this.failed(error);
      },
    );
    this.inflight = attempt;
  }

  private saved(stored: T): void {
    this.base = stored;
    if (this.draft && stored.revision > this.draft.revision) {
      this.draft = this.options.adopt ? this.options.adopt(this.draft, stored) : { ...this.draft, revision: stored.revision };
      this.set({ document: this.draft });
    }
    if (this.blocked) return;
    this.set({ saveState: this.dirty ? { kind: 'pending' } : { kind: 'saved', at: this.clock.now() } });
  }

  private async failed(error: unknown): Promise<void> {
    this.dirty = true;
    if (error instanceof DocumentConflictError) {
      await this.reconcile();
    } else if (error instanceof DocumentLockedError) {
      this.block('locked');
    } else if (!this.blocked) {
      this.set({ saveState: { kind: 'error', message: userMessage(error, this.messages.writeFailed) } });
      this.schedule(this.options.retryDelayMs ?? RETRY_DELAY_MS);
    }
  }

  private async onExternalChange(change: DocumentChange): Promise<void> {
    if (change.id !== this.options.id || this.disposed) return;
    if (change.revision === null) {
      this.block('deleted');
      return;
    }
    await this.settled();
    if (!this.draft || change.revision <= this.draft.revision || this.blocked === 'deleted') return;
    if (this.dirty || this.blocked === 'conflict') {
      await this.reconcile();
      return;
    }
    const theirs = await this.options.port.get(this.options.id).catch(() => undefined);
    if (theirs && !this.dirty) this.adoptStored(theirs, false);
    else if (theirs) await this.reconcile();
  }

  /** Another tab saved while this one has unsaved edits: keep both when they touch different fields. */
  private async reconcile(): Promise<void> {
    this.blocked = 'conflict';
    this.clock.clearTimeout(this.timer);
    let theirs: T | undefined;
    try {
      theirs = await this.options.port.get(this.options.id);
    } catch (error) {
      this.blocked = error instanceof DocumentLockedError ? 'locked' : 'conflict';
      this.block(this.blocked);
      return;
    }
    const draft = this.draft;
    if (!theirs) {
      this.block('deleted');
      return;
    }
    if (!draft) return;
    if (!this.base || !this.options.merge) {
      this.block('conflict');
      return;
    }
    const merged = this.options.merge(this.base, draft, theirs);
    if (merged.conflicts.length > 0) {
      this.block('conflict', merged.conflicts);
      return;
    }
    this.rebase(theirs, merged.mine, true);
    await this.save();
  }

  /** The draft becomes `next` on top of the stored `theirs`; it is written if it differs. */
  private rebase(theirs: T, next: T, merged: boolean): void {
    this.blocked = undefined;
    this.base = theirs;
    this.draft = { ...next, revision: theirs.revision };
    this.dirty = true;
    this.set({ document: this.draft, saveState: { kind: 'synced', at: this.clock.now(), merged } });
  }

  private adoptStored(theirs: T, merged: boolean): void {
    this.blocked = undefined;
    this.base = theirs;
    this.draft = theirs;
    this.dirty = false;
    this.set({ document: theirs, saveState: { kind: 'synced', at: this.clock.now(), merged } });
  }
}
