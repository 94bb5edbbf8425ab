/** Opens the best store this browser allows: IndexedDB, or memory with an explanation. */
import { STORE_OPEN_TIMEOUT_MS } from '../domain/limits';
import type { OpenOptions } from './database';
import { IdbReviewStore } from './idb-review-store';
import type { ReviewStore } from './review-store';

export interface OpenedStore {
  readonly store: ReviewStore;
  /** Set when data will not be kept: why, in Vietnamese, for the member. */
  readonly warning?: string;
}

export async function openStore(options: OpenOptions = {}): Promise<OpenedStore> {
  if (typeof indexedDB === 'undefined') {
    return {
      store: await memoryStore(),
      warning:
        'Trình duyệt này không cho trang lưu dữ liệu. Bạn vẫn làm và in được, nhưng khi đóng trang mọi điều đã ghi sẽ mất.',
    };
  }
  try {
    return { store: await withTimeout(IdbReviewStore.open(options), STORE_OPEN_TIMEOUT_MS) };
  } catch {
    return {
      store: await memoryStore(),
      warning:
        'Không mở được bộ nhớ của trình duyệt (có thể do cửa sổ ẩn danh, chế độ riêng tư hoặc bộ nhớ đầy). Bạn vẫn làm và in được, nhưng khi đóng trang mọi điều đã ghi sẽ mất.',
    };
  }
}

/** The fallback is rarely needed, so it loads only then (first-load budget). */
async function memoryStore(): Promise<ReviewStore> {
  const { MemoryReviewStore } = await import('./memory-review-store');
  return new MemoryReviewStore();
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
