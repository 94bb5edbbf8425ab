/** The text a reader would copy out of a PDF, extracted with pdf.js (kept apart from helpers.ts so only PDF specs load pdf.js). */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** Every page's text in NFC, pages separated by a line break; `collapseSpaces` folds every run of white space to one space. */
export async function pdfText(bytes: Uint8Array, options: { collapseSpaces?: boolean } = {}): Promise<string> {
  const pdf = await getDocument({ data: bytes, useSystemFonts: false, disableFontFace: true }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= pdf.numPages; number += 1) {
    const content = await (await pdf.getPage(number)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  const text = pages.join('\n').normalize('NFC');
  return options.collapseSpaces ? text.replace(/\s+/g, ' ') : text;
}
