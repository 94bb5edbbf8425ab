/**
 * Fetches the three Tinos subsets (generated into public/fonts/ by subset-fonts.mjs) the first
 * time the member asks for a PDF, and keeps them for the rest of the visit.
 */
import { UserFacingError } from '../domain/errors';
import type { PlanFonts } from './pdf-document';

const fontFiles = { regular: 'tinos-regular.ttf', bold: 'tinos-bold.ttf', italic: 'tinos-italic.ttf' } as const;

let cached: Promise<PlanFonts> | undefined;

/** The fonts folder under the deployed base path, which may or may not end with "/". */
export function fontsBaseUrl(base: string = import.meta.env.BASE_URL): string {
  return `${base.endsWith('/') ? base : `${base}/`}fonts/`;
}

/** Loads (once) the PDF fonts; rejects with a Vietnamese message the UI can show as is. */
export function loadPlanFonts(fetcher: typeof fetch = (input, init) => fetch(input, init)): Promise<PlanFonts> {
  cached ??= fetchAll(fetcher).catch((error: unknown) => {
    // Forget a failed attempt so pressing the button again retries (e.g. after the network returns).
    cached = undefined;
    throw error;
  });
  return cached;
}

async function fetchAll(fetcher: typeof fetch): Promise<PlanFonts> {
  const base = fontsBaseUrl();
  const [regular, bold, italic] = await Promise.all([
    fetchFont(fetcher, base + fontFiles.regular),
    fetchFont(fetcher, base + fontFiles.bold),
    fetchFont(fetcher, base + fontFiles.italic),
  ]);
  return { regular, bold, italic };
}

async function fetchFont(fetcher: typeof fetch, url: string): Promise<ArrayBuffer> {
  let response: Response;
  try {
    response = await fetcher(url);
  } catch (cause) {
    throw new UserFacingError('Không tải được phông chữ để tạo tệp PDF. Hãy kiểm tra kết nối mạng rồi thử lại.', { cause });
  }
  if (!response.ok) {
    throw new UserFacingError(
      `Không tải được phông chữ để tạo tệp PDF (mã lỗi ${response.status}). Hãy tải lại trang rồi thử lại.`,
    );
  }
  return response.arrayBuffer();
}
