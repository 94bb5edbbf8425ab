/**
 * One chart model for the branch's picture, drawn by two renderers: SVG in the /chi-bo/ island and
 * jsPDF in the report. Pure layout math only (no DOM, no jsPDF): a stacked bar per item, one segment
 * per level, each with a fill pattern and a text label so it reads in black and white.
 */
import type { Assessment } from './review-constants';
import { formatCount, pictureLevels, type LimitedCount, type Picture } from './branch/picture';

/** Fills a renderer knows how to draw; distinguishable without colour. */
export type ChartPattern = 'solid' | 'diagonal' | 'dots' | 'light' | 'outline' | 'cross';

export const levelPatterns: Record<Assessment, ChartPattern> = {
  clear: 'solid',
  some: 'diagonal',
  risk: 'dots',
  none: 'light',
  unset: 'outline',
};

/** Pattern of a segment whose count is hidden as "dưới N". */
export const hiddenPattern: ChartPattern = 'cross';

export const chartLevelLabels: Record<Assessment, string> = {
  clear: 'Rõ',
  some: 'Nhẹ',
  risk: 'Nguy cơ',
  none: 'Không',
  unset: 'Chưa trả lời',
};

export interface ChartSegment {
  readonly level: Assessment;
  /** Start and size as fractions of the full bar (results received = 1). */
  readonly start: number;
  readonly size: number;
  /** "3" or "dưới 3". */
  readonly text: string;
  readonly pattern: ChartPattern;
  readonly hidden: boolean;
}

export interface ChartRow {
  readonly itemId: string;
  /** "5. Label". */
  readonly label: string;
  /** "Có biểu hiện: 3/12". */
  readonly caption: string;
  readonly segments: readonly ChartSegment[];
}

export interface ChartModel {
  readonly title: string;
  /** Results received: the length of every bar. */
  readonly denominator: number;
  readonly legend: readonly { readonly level: Assessment; readonly label: string; readonly pattern: ChartPattern }[];
  readonly rows: readonly ChartRow[];
}

type AnyCount = number | LimitedCount;

function valueOf(count: AnyCount): number | undefined {
  if (typeof count === 'number') return count;
  return count.value;
}

/**
 * Builds the model. Hidden counts get an equal share of the room the shown counts leave (that room
 * is already known from the denominator), so a bar never reveals more than its table.
 */
export function stackedBars(
  source: Picture<AnyCount>,
  options: { title: string; order?: 'checklist' | 'most-frequent'; itemIds?: readonly string[] },
): ChartModel {
  const denominator = source.sent;
  const byId = new Map(source.items.map((item) => [item.itemId, item]));
  const ids =
    options.itemIds ?? (options.order === 'most-frequent' ? source.mostFrequent : source.items.map((item) => item.itemId));
  const rows: ChartRow[] = [];
  for (const itemId of ids) {
    const item = byId.get(itemId);
    if (!item) continue;
    const shownTotal = pictureLevels.reduce((sum, level) => sum + (valueOf(item.counts[level]) ?? 0), 0);
    const hiddenLevels = pictureLevels.filter((level) => valueOf(item.counts[level]) === undefined);
    const hiddenEach = hiddenLevels.length > 0 ? Math.max(0, denominator - shownTotal) / hiddenLevels.length : 0;
    let start = 0;
    const segments: ChartSegment[] = [];
    for (const level of pictureLevels) {
      const count = item.counts[level];
      const value = valueOf(count);
      const hidden = value === undefined;
      const size = denominator === 0 ? 0 : (hidden ? hiddenEach : value) / denominator;
      segments.push({
        level,
        start,
        size,
        text: formatCount(count),
        pattern: hidden ? hiddenPattern : levelPatterns[level],
        hidden,
      });
      start += size;
    }
    rows.push({
      itemId,
      label: `${item.number}. ${item.label}`,
      caption: `Có biểu hiện: ${formatCount(item.withSign)}/${denominator}`,
      segments,
    });
  }
  const legend = pictureLevels.map((level) => ({ level, label: chartLevelLabels[level], pattern: levelPatterns[level] }));
  return { title: options.title, denominator, legend, rows };
}

export interface BarBox {
  /** Whole chart width, in the renderer's unit (px, mm…). */
  readonly width: number;
  /** Height of one bar. */
  readonly barHeight: number;
  /** Room above each bar for its label line. */
  readonly labelHeight: number;
  /** Space between rows. */
  readonly gap: number;
  /** Narrowest segment that still gets its count written inside. */
  readonly minTextWidth: number;
}

export interface PlacedSegment extends ChartSegment {
  readonly x: number;
  readonly width: number;
  /** Whether the count fits inside; otherwise the row's caption and the table carry it. */
  readonly textInside: boolean;
}

export interface PlacedRow {
  readonly row: ChartRow;
  /** Baseline area for the label line. */
  readonly labelY: number;
  readonly barY: number;
  readonly segments: readonly PlacedSegment[];
}

export interface ChartLayout {
  readonly width: number;
  readonly height: number;
  readonly rows: readonly PlacedRow[];
  /** Vertical grid lines at whole counts (at most about 10). */
  readonly ticks: readonly { readonly x: number; readonly label: string }[];
}

/** Places rows and segments inside a box; both renderers draw exactly these rectangles. */
export function layoutBars(model: ChartModel, box: BarBox): ChartLayout {
  const rowHeight = box.labelHeight + box.barHeight + box.gap;
  const rows = model.rows.map((row, index) => {
    const top = index * rowHeight;
    return {
      row,
      labelY: top,
      barY: top + box.labelHeight,
      segments: row.segments.map((segment) => {
        const width = segment.size * box.width;
        return { ...segment, x: segment.start * box.width, width, textInside: width >= box.minTextWidth && segment.text !== '0' };
      }),
    };
  });
  const step = Math.max(1, Math.ceil(model.denominator / 10));
  const ticks: { x: number; label: string }[] = [];
  if (model.denominator > 0) {
    for (let value = 0; value <= model.denominator; value += step)
      ticks.push({ x: (value / model.denominator) * box.width, label: String(value) });
  }
  return { width: box.width, height: Math.max(0, model.rows.length * rowHeight - box.gap), rows, ticks };
}
