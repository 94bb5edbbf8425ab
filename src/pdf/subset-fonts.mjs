// @ts-check
/**
 * Generates the PDF fonts: Tinos Regular, Bold and Italic cut down to Latin + Vietnamese, written to
 * public/fonts/ (gitignored, never committed). Run before dev, build and unit tests:
 *   node src/pdf/subset-fonts.mjs
 * Tinos is metric-compatible with Times New Roman, the typeface of Party documents, and covers every
 * Vietnamese letter; the full files are ~0.5 MB each, the subsets a fraction of that.
 * Skips a font whose output is already newer than both its source and this script.
 */
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
// @ts-expect-error -- subset-font ships no type declarations; its one function is used as documented.
import subsetFont from 'subset-font';

const root = fileURLToPath(new URL('../..', import.meta.url));
const scriptPath = fileURLToPath(import.meta.url);
const sourceDir = join(root, 'node_modules/@expo-google-fonts/tinos');

/** Output file names are fetched by src/pdf/load-fonts.ts and read by the unit tests: keep them in step. */
export const fontFiles = [
  { source: join(sourceDir, '400Regular/Tinos_400Regular.ttf'), output: 'tinos-regular.ttf' },
  { source: join(sourceDir, '700Bold/Tinos_700Bold.ttf'), output: 'tinos-bold.ttf' },
  { source: join(sourceDir, '400Regular_Italic/Tinos_400Regular_Italic.ttf'), output: 'tinos-italic.ttf' },
];

export const outputDir = join(root, 'public/fonts');

/**
 * Code point ranges kept: Basic Latin + Latin-1, the Vietnamese letters outside Latin-1
 * (Ă ă Đ đ Ĩ ĩ Ũ ũ Ơ ơ Ư ư), combining marks (should NFD text slip through), Latin Extended
 * Additional with all toned vowels (Ạ … ỹ), general punctuation (– — ‘ ’ “ ” • …) and the đồng sign ₫.
 */
/** @type {ReadonlyArray<readonly [number, number]>} */
export const unicodeRanges = [
  [0x0000, 0x00ff],
  [0x0102, 0x0103],
  [0x0110, 0x0111],
  [0x0128, 0x0129],
  [0x0168, 0x0169],
  [0x01a0, 0x01a1],
  [0x01af, 0x01b0],
  [0x0300, 0x0323],
  [0x1ea0, 0x1ef9],
  [0x2000, 0x206f],
  [0x20ab, 0x20ab],
];

/** Every character of the ranges as one string, the form subset-font takes. */
export function subsetText() {
  let text = '';
  for (const [first, last] of unicodeRanges) {
    for (let code = first; code <= last; code += 1) {
      // Control characters have no glyphs; harfbuzz ignores them, skipping keeps the string clean.
      if (code < 0x20 || (code >= 0x7f && code < 0xa0)) continue;
      text += String.fromCodePoint(code);
    }
  }
  return text;
}

/** @param {string} path */
async function modifiedTime(path) {
  try {
    return (await stat(path)).mtimeMs;
  } catch {
    return undefined;
  }
}

/**
 * Writes the three subsets unless they are up to date; returns the output paths.
 * @param {{ force?: boolean; log?: (line: string) => void }} [options]
 */
export async function subsetFonts(options = {}) {
  const log = options.log ?? (() => {});
  await mkdir(outputDir, { recursive: true });
  const scriptTime = (await modifiedTime(scriptPath)) ?? 0;
  const text = subsetText();
  const outputs = [];
  for (const file of fontFiles) {
    const target = join(outputDir, file.output);
    outputs.push(target);
    const sourceTime = await modifiedTime(file.source);
    if (sourceTime === undefined) throw new Error(`Missing font ${file.source}: run npm install.`);
    const targetTime = await modifiedTime(target);
    if (!options.force && targetTime !== undefined && targetTime > sourceTime && targetTime > scriptTime) {
      log(`fonts: ${file.output} is up to date`);
      continue;
    }
    const subset = await subsetFont(await readFile(file.source), text, {
      targetFormat: 'sfnt',
      // Hinting only matters for screen rasterising at small sizes; PDF viewers do without it.
      noHinting: true,
      // jsPDF does no shaping, so layout tables (GSUB/GPOS) are dead weight in the PDF font.
      keepFeatures: [],
    });
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, subset);
    log(`fonts: wrote ${file.output} (${Math.round(subset.length / 1024)} KB)`);
  }
  return outputs;
}

if (process.argv[1] === scriptPath) {
  await subsetFonts({ force: process.argv.includes('--force'), log: (line) => process.stdout.write(`${line}\n`) });
}
