/**
 * Browser glue for the plan's PDF: builds it on request and hands it to the member in the way
 * their browser can handle. jsPDF, the table plugin and the fonts are reached only through
 * `await import()` here, so none of them is in a page's first load.
 *
 * Usage, in two steps so each delivery runs inside its own click (iOS Safari and share sheets
 * refuse `window.open` / `navigator.share` once the click's user activation has expired):
 *   1. on "Tạo tệp PDF": `const result = await exportPlanPdf({ review, checklist, options, now: new Date() })`
 *   2. on "Tải về" / "Mở" / "Chia sẻ": `await deliverPdf(result, 'download' | 'open' | 'share')`
 * The print view needs only the layout: `await buildPrintDocument(…)` then `<PrintView document={…} />`.
 */
import { URL_LIFETIME_MS } from '../domain/limits';
import { inAppBrowserNames, type BrowserInfo } from '../domain/user-agent';
import { downloadBlob } from './download';
import { markWarm, warmUpWhenReady } from './pdf-warm-up';
import type { ChecklistData } from '../domain/checklist-schema';
import type { Review } from '../domain/review-schema';

/** Loaders of the PDF code; their inferred types give this file its types without a static import. */
const loadPdf = () => import('../pdf/index');
const loadFonts = () => import('../pdf/load-fonts');
const loadLayout = () => import('../pdf/layout');

type PdfModule = Awaited<ReturnType<typeof loadPdf>>;
/** The printed plan's model, drawn by both the PDF and the print view. */
export type PlanDocument = ReturnType<PdfModule['buildPlanDocument']>;
/** What the member chose to print: full review or plan only, with or without personal notes. */
export type PlanOptions = Parameters<PdfModule['buildPlanDocument']>[0]['options'];

export interface PlanExportInput {
  readonly review: Review;
  readonly checklist: ChecklistData;
  readonly options: PlanOptions;
  /** The clock, passed in so the same inputs give the same file. */
  readonly now: Date;
}

export interface PdfResult {
  readonly bytes: Uint8Array;
  /** "tu-soi-tu-sua-<period>.pdf" */
  readonly fileName: string;
}

export type Delivery = 'download' | 'open' | 'share';
export type DeliveryOutcome = 'downloaded' | 'opened' | 'shared' | 'cancelled' | 'unsupported';
/** A way to get the plan out: the three deliveries of the PDF, or the HTML print view. */
export type DeliveryChoice = Delivery | 'print-view';

/** Builds the PDF; rejects with a Vietnamese message when the fonts cannot be fetched. */
export async function exportPlanPdf(input: PlanExportInput): Promise<PdfResult> {
  // The font requests start as soon as their tiny loader arrives, alongside the jsPDF chunk.
  const fontsLoaded = loadFonts().then((module) => module.loadPlanFonts());
  const [pdf, fonts] = await Promise.all([loadPdf(), fontsLoaded]);
  const bytes = await pdf.generatePlanPdf({ ...input, fonts });
  markWarm('plan');
  return { bytes, fileName: pdf.planFileName(input.review) };
}

/**
 * Starts loading jsPDF and the fonts as soon as the member opens the print part, then renders a
 * sample of the plan a few times while the browser is idle and throws it away (pdf-warm-up.ts), so the click on "Tạo tệp
 * PDF" finds everything loaded and warm. `getInput` gives the plan as it is at that moment. A failure
 * here is left for that click to retry and report. Returns the cancel for a `useEffect` cleanup.
 */
export function preloadPdf(getInput: () => PlanExportInput): () => void {
  const loaded = Promise.all([loadPdf(), loadFonts().then((module) => module.loadPlanFonts())]);
  return warmUpWhenReady('plan', loaded, ([pdf, fonts]) => pdf.generatePlanPdf({ ...warmUpSample(getInput()), fonts }));
}

/**
 * The member's plan cut to its first few answers and actions: the same code paths, fonts and many
 * of the same words as the real file, at a fraction of the work of a render.
 */
export function warmUpSample(input: PlanExportInput): PlanExportInput {
  const { review } = input;
  const answers = Object.fromEntries(Object.entries(review.answers).slice(0, 3));
  return { ...input, review: { ...review, answers, actions: review.actions.slice(0, 3) } };
}

/** The model the print view renders; loads only the small layout module, not jsPDF. */
export async function buildPrintDocument(input: PlanExportInput): Promise<PlanDocument> {
  const layout = await loadLayout();
  return layout.buildPlanDocument(input);
}

/**
 * Hands the PDF over. Call it directly from a click handler: nothing is awaited before the
 * browser APIs that need the click's user activation.
 */
export async function deliverPdf(result: PdfResult, how: Delivery): Promise<DeliveryOutcome> {
  const type = 'application/pdf';
  // A copy typed on a plain ArrayBuffer, which Blob and File require.
  const data = new Uint8Array(result.bytes);
  if (how === 'share') {
    if (typeof File !== 'function' || typeof navigator.share !== 'function') return 'unsupported';
    const file = new File([data], result.fileName, { type });
    if (typeof navigator.canShare !== 'function' || !navigator.canShare({ files: [file] })) return 'unsupported';
    try {
      await navigator.share({ files: [file], title: 'Bản tự soi, tự sửa' });
      return 'shared';
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return 'cancelled';
      // NotAllowedError: the click's activation expired or the browser refused; offer another way.
      if (error instanceof DOMException && error.name === 'NotAllowedError') return 'unsupported';
      throw error;
    }
  }

  if (how === 'open') {
    const url = URL.createObjectURL(new Blob([data], { type }));
    setTimeout(() => URL.revokeObjectURL(url), URL_LIFETIME_MS);
    // Never fall back to navigating this tab: it would leave the self-review page.
    const opened = window.open(url, '_blank');
    if (opened === null) return 'unsupported';
    opened.opener = null;
    return 'opened';
  }
  downloadBlob(new Blob([data], { type }), result.fileName);
  return 'downloaded';
}

/** Whether this browser can put a PDF file into the system share sheet. */
export function canShareFiles(): boolean {
  if (typeof navigator === 'undefined' || typeof navigator.canShare !== 'function' || typeof File !== 'function') return false;
  try {
    return navigator.canShare({ files: [new File([new Uint8Array(0)], 'tu-soi.pdf', { type: 'application/pdf' })] });
  } catch {
    return false;
  }
}

export interface DeliveryAdvice {
  /** Buttons to show first and most prominently, most reliable first. */
  readonly primary: readonly DeliveryChoice[];
  /** Other ways, shown after ("Cách khác"). */
  readonly secondary: readonly DeliveryChoice[];
  /** What to tell the member about this browser, or null when nothing needs saying. */
  readonly notice: string | null;
}

/**
 * Which ways of getting the PDF to offer, for the browser `describeBrowser` found.
 * Desktop and Android browsers download reliably; iPhone Safari opens a downloaded blob in place
 * of the page (jsPDF #3059), so it gets "open in a new tab" and the share sheet; in-app browsers
 * swallow downloads (jsPDF #2985), so they get the print view and the share sheet, and the member
 * is told to open the site in the phone's browser.
 */
export function recommendedDelivery(info: BrowserInfo, shareFiles: boolean): DeliveryAdvice {
  const share: DeliveryChoice[] = shareFiles ? ['share'] : [];
  if (info.inApp !== null) {
    const app = inAppBrowserNames[info.inApp];
    return {
      primary: ['print-view', ...share],
      secondary: ['open'],
      notice:
        `Bạn đang xem trang trong ${app}. Trình duyệt của ${app} thường không lưu được tệp tải về: ` +
        'hãy dùng “Xem bản in” để in hoặc lưu thành PDF, hoặc bấm nút ⋯ của ứng dụng rồi chọn “Mở bằng trình duyệt”. ' +
        `Lưu ý: bản tự soi đang lưu trong ${app}, trình duyệt khác sẽ không thấy; hãy lưu tệp sao lưu trước khi chuyển.`,
    };
  }
  if (info.ios) {
    return { primary: ['open', ...share], secondary: ['download', 'print-view'], notice: null };
  }
  if (info.android) {
    return { primary: ['download', ...share], secondary: ['open', 'print-view'], notice: null };
  }
  return { primary: ['download'], secondary: ['open', 'print-view', ...share], notice: null };
}
