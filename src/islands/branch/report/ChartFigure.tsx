/**
 * The branch chart as SVG, from the same chart model and layout math (chart-model.ts) the PDF
 * renderer uses: one stacked bar per item, a fill pattern per level so it reads in black and
 * white and for colour-blind readers, and the row's count with its denominator written as text.
 * The table beside it carries every number, so the figure is described briefly for screen readers.
 */
import { layoutBars, type ChartModel, type ChartPattern } from '../../../domain/chart-model';

const box = { width: 600, barHeight: 16, labelHeight: 20, gap: 8, minTextWidth: 24 } as const;

export function ChartFigure({ chart, id = 'report-chart' }: { chart: ChartModel; id?: string }) {
  const layout = layoutBars(chart, box);
  const hidden = chart.rows.flatMap((row) => row.segments).find((segment) => segment.hidden);
  const legend = hidden
    ? [...chart.legend, { level: hidden.level, label: `${hidden.text} (không ghi số)`, pattern: hidden.pattern }]
    : chart.legend;
  return (
    <figure class="report-chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>
        <strong>{chart.title}</strong>
      </figcaption>
      <ul class="report-chart__legend">
        {legend.map((entry) => (
          <li key={`${entry.level}-${entry.pattern}`}>
            <svg width="20" height="14" aria-hidden="true" focusable="false">
              <Patterns id={`${id}-legend-${entry.pattern}`} />
              <rect
                x="0.5"
                y="0.5"
                width="19"
                height="13"
                fill={fillOf(entry.pattern, `${id}-legend-${entry.pattern}`)}
                stroke="#000"
              />
            </svg>
            {entry.label}
          </li>
        ))}
      </ul>
      <svg width="0" height="0" aria-hidden="true" focusable="false" class="report-chart__defs">
        <Patterns id={id} />
      </svg>
      <ol class="report-chart__rows" aria-label={`${chart.rows.length} biểu hiện, mỗi thanh là ${chart.denominator} kết quả`}>
        {layout.rows.map((placed) => (
          <li key={placed.row.itemId}>
            <span class="report-chart__label">{`${placed.row.label} — ${placed.row.caption}`}</span>
            <svg
              class="report-chart__bar"
              viewBox={`0 0 ${box.width} ${box.barHeight}`}
              preserveAspectRatio="none"
              aria-hidden="true"
              focusable="false"
            >
              {placed.segments.map((segment) =>
                segment.width > 0 ? (
                  <rect
                    key={segment.level}
                    x={segment.x}
                    y={0}
                    width={segment.width}
                    height={box.barHeight}
                    fill={fillOf(segment.pattern, id)}
                    stroke="#000"
                    stroke-width="0.75"
                    vector-effect="non-scaling-stroke"
                  />
                ) : null,
              )}
              <rect
                x="0"
                y="0"
                width={box.width}
                height={box.barHeight}
                fill="none"
                stroke="#000"
                vector-effect="non-scaling-stroke"
              />
            </svg>
          </li>
        ))}
      </ol>
    </figure>
  );
}

function fillOf(pattern: ChartPattern, id: string): string {
  if (pattern === 'solid') return '#000';
  if (pattern === 'light') return '#c8c8c8';
  if (pattern === 'outline') return '#fff';
  return `url(#${id}-${pattern})`;
}

function Patterns({ id }: { id: string }) {
  return (
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
  );
}
