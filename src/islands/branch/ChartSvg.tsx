/**
 * The branch chart as SVG: the one renderer of the shared chart model (chart-model.ts) on screen,
 * used by the picture at /chi-bo/ and by the report's print view (the PDF draws the same layout
 * with jsPDF). One stacked bar per item, a fill pattern per level so it reads in black and white,
 * the row's count with its denominator written as text. The table beside it carries every number.
 */
import type { ComponentChildren } from 'preact';
import { layoutBars, type BarBox, type ChartModel, type ChartPattern } from '../../domain/chart-model';

/** Where the chart sits: the picture (counts written in the bars) or the report (plain bars). */
export type ChartVariant = 'picture' | 'report';

interface VariantLook {
  readonly box: BarBox;
  /** Class names of the figure and its parts. */
  readonly figure: string;
  readonly legend: string;
  readonly rows: string;
  readonly label: string;
  readonly bar: string | undefined;
  /** CSS height of each bar's SVG. */
  readonly barHeight: string | undefined;
  /** Counts written inside segments wide enough. */
  readonly textInside: boolean;
  /** The rows are hidden from screen readers (the table right below reads the same). */
  readonly rowsHidden: boolean;
}

const looks: Record<ChartVariant, VariantLook> = {
  picture: {
    box: { width: 300, barHeight: 18, labelHeight: 0, gap: 0, minTextWidth: 16 },
    figure: 'branch-chart',
    legend: 'chart-legend',
    rows: 'chart-rows',
    label: 'chart-rows__label',
    bar: undefined,
    barHeight: '24',
    textInside: true,
    rowsHidden: true,
  },
  report: {
    box: { width: 600, barHeight: 16, labelHeight: 20, gap: 8, minTextWidth: 24 },
    figure: 'report-chart',
    legend: 'report-chart__legend',
    rows: 'report-chart__rows',
    label: 'report-chart__label',
    bar: 'report-chart__bar',
    barHeight: undefined,
    textInside: false,
    rowsHidden: false,
  },
};

function fillOf(pattern: ChartPattern, id: string): string {
  if (pattern === 'solid') return '#000';
  if (pattern === 'light') return '#c8c8c8';
  if (pattern === 'outline') return '#fff';
  return `url(#${id}-${pattern})`;
}

/**
 * Bars are drawn in percentages of the element's width, not in a stretched viewBox: the numbers
 * and fill patterns keep their shape at every screen width.
 */
const percent = (units: number, box: BarBox) => `${((units / box.width) * 100).toFixed(3)}%`;

const textColor = (pattern: ChartPattern) => (pattern === 'solid' ? '#fff' : '#000');

function Patterns({ id }: { id: string }) {
  return (
    <svg width="0" height="0" aria-hidden="true" focusable="false" class="chart-defs" style="position: absolute">
      <defs>
        <pattern id={`${id}-diagonal`} width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="5" height="5" fill="#fff" />
          <line x1="0" y1="0" x2="0" y2="5" stroke="#000" stroke-width="1.5" />
        </pattern>
        <pattern id={`${id}-dots`} width="5" height="5" patternUnits="userSpaceOnUse">
          <rect width="5" height="5" fill="#fff" />
          <circle cx="2.5" cy="2.5" r="1" fill="#000" />
        </pattern>
        <pattern id={`${id}-cross`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" fill="#fff" />
          <line x1="0" y1="0" x2="0" y2="6" stroke="#000" stroke-width="1" />
          <line x1="0" y1="0" x2="6" y2="0" stroke="#000" stroke-width="1" />
        </pattern>
      </defs>
    </svg>
  );
}

interface Props {
  chart: ChartModel;
  /** Unique in the page: prefixes the caption's and the patterns' ids. */
  id: string;
  variant: ChartVariant;
  /** The figure's caption. */
  caption: ComponentChildren;
  /** Legend text for hidden counts: always shown when given, else only when a count is hidden. */
  hiddenLabel?: string;
}

export function ChartSvg({ chart, id, variant, caption, hiddenLabel }: Props) {
  const look = looks[variant];
  const { box } = look;
  const layout = layoutBars(chart, box);
  const hidden = chart.rows.flatMap((row) => row.segments).find((segment) => segment.hidden);
  const legend = [
    ...chart.legend,
    ...(hiddenLabel !== undefined
      ? [{ level: 'unset' as const, label: hiddenLabel, pattern: 'cross' as const }]
      : hidden
        ? [{ level: hidden.level, label: `${hidden.text} (không ghi số)`, pattern: hidden.pattern }]
        : []),
  ];
  return (
    <figure class={look.figure} aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>{caption}</figcaption>
      <Patterns id={id} />
      <ul class={look.legend} aria-label="Chú giải">
        {legend.map((entry) => (
          <li key={`${entry.level}-${entry.pattern}`}>
            <svg width="20" height="14" aria-hidden="true" focusable="false" class="chart-swatch">
              <rect x="0.5" y="0.5" width="19" height="13" fill={fillOf(entry.pattern, id)} stroke="#000" />
            </svg>
            {entry.label}
          </li>
        ))}
      </ul>
      <ol
        class={look.rows}
        aria-hidden={look.rowsHidden ? 'true' : undefined}
        aria-label={look.rowsHidden ? undefined : `${chart.rows.length} biểu hiện, mỗi thanh là ${chart.denominator} kết quả`}
      >
        {layout.rows.map((placed) => (
          <li key={placed.row.itemId}>
            <span class={look.label}>{`${placed.row.label} — ${placed.row.caption}`}</span>
            <svg class={look.bar} width="100%" height={look.barHeight} aria-hidden="true" focusable="false">
              <rect x="0" y="0" width="100%" height="100%" fill="#fff" />
              {placed.segments
                .filter((segment) => segment.width > 0)
                .map((segment) => (
                  <g key={segment.level}>
                    <rect
                      x={percent(segment.x, box)}
                      y="0"
                      width={percent(segment.width, box)}
                      height="100%"
                      fill={fillOf(segment.pattern, id)}
                      stroke="#000"
                      stroke-width="0.75"
                    />
                    {look.textInside && segment.textInside && (
                      <text
                        x={percent(segment.x + segment.width / 2, box)}
                        y="50%"
                        dominant-baseline="central"
                        text-anchor="middle"
                        font-size="13"
                        font-weight="700"
                        fill={textColor(segment.pattern)}
                        stroke={segment.pattern === 'solid' ? undefined : '#fff'}
                        stroke-width="3"
                        paint-order="stroke"
                      >
                        {segment.text}
                      </text>
                    )}
                  </g>
                ))}
              <rect x="0" y="0" width="100%" height="100%" fill="none" stroke="#000" stroke-width="2" />
            </svg>
          </li>
        ))}
      </ol>
    </figure>
  );
}
