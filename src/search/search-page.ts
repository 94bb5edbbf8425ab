/**
 * The /tim-kiem/ page's behaviour: reads ?q=, searches as the reader types, renders an accessible
 * result list and moves focus through it with the arrow keys. The page works as a plain GET form
 * without JavaScript up to the point of showing results, which need Pagefind.
 */
import { loadEngine, search, type SearchHit, type SearchOutcome } from './search-engine';

const typingDelayMs = 200;

export function startSearchPage(base: string): void {
  const form = document.querySelector<HTMLFormElement>('[data-search-form]');
  const input = document.querySelector<HTMLInputElement>('[data-search-form] input[name="q"]');
  const status = document.querySelector<HTMLElement>('[data-search-status]');
  const list = document.querySelector<HTMLOListElement>('[data-search-results]');
  if (!form || !input || !status || !list) return;

  let latest = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const run = async (query: string): Promise<void> => {
    const ticket = (latest += 1);
    const trimmed = query.trim();
    rememberQuery(trimmed);
    if (trimmed === '') {
      list.replaceChildren();
      status.textContent = '';
      return;
    }
    status.textContent = 'Đang tìm…';
    try {
      const outcome = await search(await loadEngine(base), trimmed);
      if (ticket !== latest) return; // a newer query is on its way; never show stale results
      list.replaceChildren(...outcome.hits.map(renderHit));
      status.textContent = describe(outcome);
    } catch {
      if (ticket !== latest) return;
      list.replaceChildren();
      status.textContent = 'Chưa tải được bộ tìm kiếm. Hãy tải lại trang; nếu vẫn lỗi, xem danh sách văn bản ở mục “Văn bản”.';
    }
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    void run(input.value);
  });
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(input.value), typingDelayMs);
  });
  form.addEventListener('keydown', (event) => moveFocus(event, input, list));
  list.addEventListener('keydown', (event) => moveFocus(event, input, list));

  const initial = new URLSearchParams(location.search).get('q') ?? '';
  input.value = initial;
  if (initial.trim() !== '') void run(initial);
  // Start loading the engine while the reader types the first words.
  else void loadEngine(base).catch(() => undefined);
}

/** Keeps ?q= in the address so Back, reload and a shared link show the same results. */
function rememberQuery(query: string): void {
  const url = new URL(location.href);
  if (query === '') url.searchParams.delete('q');
  else url.searchParams.set('q', query);
  if (url.href !== location.href) history.replaceState(history.state, '', url);
}

function describe(outcome: SearchOutcome): string {
  const quoted = `“${outcome.query}”`;
  if (outcome.total === 0) return `Không tìm thấy kết quả nào cho ${quoted}. Hãy thử từ khác, ngắn hơn.`;
  const shown = outcome.hits.length < outcome.total ? ` (hiện ${outcome.hits.length} kết quả đầu)` : '';
  return `Tìm thấy ${outcome.total} kết quả cho ${quoted}${shown}.`;
}

/** Up/Down move through the search box and every link in the results; Enter follows the link. */
function moveFocus(event: KeyboardEvent, input: HTMLInputElement, list: HTMLOListElement): void {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
  const stops: HTMLElement[] = [input, ...list.querySelectorAll<HTMLAnchorElement>('a[href]')];
  if (stops.length < 2) return;
  const current = stops.indexOf(document.activeElement as HTMLElement);
  if (current < 0) return;
  const next = event.key === 'ArrowDown' ? Math.min(current + 1, stops.length - 1) : Math.max(current - 1, 0);
  event.preventDefault();
  stops[next]?.focus();
}

function renderHit(hit: SearchHit): HTMLLIElement {
  const item = element('li', 'search-result');
  const heading = element('h2', 'search-result__title');
  const link = element('a');
  link.href = hit.url;
  link.textContent = hit.title;
  heading.append(link);
  item.append(heading);

  const facts = [hit.kind, hit.symbol, hit.position].filter((fact): fact is string => fact !== undefined);
  if (facts.length > 0) {
    const meta = element('p', 'search-result__meta');
    meta.textContent = facts.join(' · ');
    item.append(meta);
  }
  if (hit.note !== undefined) {
    const note = element('p', 'search-result__note');
    note.textContent = hit.note;
    item.append(note);
  }
  if (hit.excerptHtml !== '') {
    const excerpt = element('p', 'search-result__excerpt');
    excerpt.append(...excerptNodes(hit.excerptHtml));
    item.append(excerpt);
  }
  return item;
}

/**
 * Pagefind's excerpt is HTML-escaped page text with <mark> around matches. Only text and <mark> are
 * copied into the page, so nothing in an excerpt can ever become markup or script.
 */
function excerptNodes(html: string): Node[] {
  const parsed = new DOMParser().parseFromString(`<p>${html}</p>`, 'text/html').body.firstElementChild;
  const nodes: Node[] = [];
  for (const child of parsed?.childNodes ?? []) {
    if (child.nodeType === Node.TEXT_NODE) nodes.push(document.createTextNode(child.textContent ?? ''));
    else if (child.nodeName === 'MARK') {
      const mark = element('mark');
      mark.textContent = child.textContent;
      nodes.push(mark);
    } else nodes.push(document.createTextNode(child.textContent ?? ''));
  }
  return nodes;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string): HTMLElementTagNameMap[K] {
  const created = document.createElement(tag);
  if (className !== undefined) created.className = className;
  return created;
}
