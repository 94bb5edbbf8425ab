/** Test helpers for generated PDFs: the generated fonts, the text as a viewer extracts it, files kept for a look. */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PlanFonts } from '../../src/pdf/render';

const root = join(import.meta.dirname, '..', '..');

/** The Tinos subsets, generated if missing (they are not committed). */
export function loadTestFonts(): PlanFonts {
  execFileSync(process.execPath, [join(root, 'src/pdf/subset-fonts.mjs')], { cwd: root });
  const read = (name: string) => new Uint8Array(readFileSync(join(root, 'public/fonts', name)));
  return { regular: read('tinos-regular.ttf'), bold: read('tinos-bold.ttf'), italic: read('tinos-italic.ttf') };
}

/** Text of each page, runs joined by spaces and white space collapsed, so wrapped text still matches. */
export async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  const pdf = await getDocument({ data: bytes.slice(), useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= pdf.numPages; number += 1) {
    const content = await (await pdf.getPage(number)).getTextContent();
    const text = content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? ' ' : '') : '')).join(' ');
    pages.push(collapse(text));
  }
  await pdf.destroy();
  return pages;
}

export function collapse(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** Set PDF_OUT=/some/dir to keep generated files for a visual check (pdftoppm). */
export function keepPdf(name: string, bytes: Uint8Array): void {
  const dir = process.env['PDF_OUT'];
  if (dir !== undefined && dir !== '') writeFileSync(join(dir, name), bytes);
}
