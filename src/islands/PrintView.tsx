/**
 * The plan as an HTML page laid out like the printed document, from the same PlanDocument model
 * as the PDF. It is the accessible version of the document and the way out of in-app browsers
 * that lose downloads: the browser's own print (or "save as PDF") prints only this view.
 * Styles: src/styles/print-view.css (imported by the page that hosts the island).
 */
import type { ComponentChildren } from 'preact';
import type { PlanDocument } from './pdf-export';

type Block = PlanDocument['sections'][number]['blocks'][number];
type ParagraphBlock = Extract<Block, { kind: 'paragraph' }>;
type TableBlock = Extract<Block, { kind: 'table' }>;
type TextBlockModel = Exclude<Block, TableBlock>;
type TextRun = ParagraphBlock['runs'][number];

interface Props {
  document: PlanDocument;
  /** Level of the title heading: 1 when the view is the page's main content, 2 (default) inside a page. */
  headingLevel?: 1 | 2;
}

export function PrintView({ document: plan, headingLevel = 2 }: Props) {
  const Title = headingLevel === 1 ? 'h1' : 'h2';
  return (
    <article class="print-view" lang="vi" aria-labelledby="print-view-title">
      <DocumentHeader header={plan.header} placeDate={<PlaceDate text={plan.header.placeDate} />} />

      <Title id="print-view-title" class="print-view__title" tabIndex={-1}>
        {plan.title}
      </Title>
      <p class="print-view__summary">{plan.summary}</p>
      {plan.basis !== null && <p class="print-view__basis">{plan.basis}</p>}

      <div class="print-view__identity">
        {plan.identity.map((line, index) => (
          <Paragraph key={index} block={line} />
        ))}
      </div>

      {plan.sections.map((section) => (
        <SectionView key={section.id} section={section} level={headingLevel === 1 ? 2 : 3} />
      ))}

      <div class="print-view__signature">
        <p class="print-view__signer">{plan.signature.role}</p>
        <p class="print-view__sign-hint">{plan.signature.hint}</p>
        <div class="print-view__sign-space" aria-hidden="true" />
        <p class={plan.signature.nameBlank ? 'print-view__name print-view__name--blank' : 'print-view__name'}>
          {plan.signature.nameBlank ? <Blank text={plan.signature.name} /> : plan.signature.name}
        </p>
      </div>

      {plan.afterSignature.map((section) => (
        <SectionView key={section.id} section={section} level={headingLevel === 1 ? 2 : 3} />
      ))}
    </article>
  );
}

function SectionView({ section, level }: { section: PlanDocument['sections'][number]; level: 2 | 3 }) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section class="print-view__section" aria-labelledby={`print-view-${section.id}`}>
      <Heading id={`print-view-${section.id}`} class="print-view__heading">
        {section.heading}
      </Heading>
      {section.blocks.map((block, index) => (
        <BlockView key={index} block={block} />
      ))}
    </section>
  );
}

function BlockView({ block }: { block: Block }) {
  return block.kind === 'table' ? <PlanTable table={block} /> : <TextBlock block={block} />;
}

/** A paragraph, or lines left for handwriting: the text blocks of every printed document (plan, report). */
export function TextBlock({ block }: { block: TextBlockModel }) {
  if (block.kind === 'paragraph') return <Paragraph block={block} />;
  return (
    <div class="print-view__lines">
      <span class="visually-hidden">Để trống, viết tay.</span>
      {Array.from({ length: block.count }, (_, index) => (
        <div key={index} class="print-view__line" aria-hidden="true" />
      ))}
    </div>
  );
}

function Paragraph({ block }: { block: ParagraphBlock }) {
  return (
    <p class={block.indent ? 'print-view__p print-view__p--indent' : 'print-view__p'}>
      {block.runs.map((run, index) => (
        <Run key={index} run={run} />
      ))}
    </p>
  );
}

function Run({ run }: { run: TextRun }) {
  if (run.blank) return <Blank text={run.text} />;
  const content: ComponentChildren = run.text;
  if (run.style === 'bold') return <strong>{content}</strong>;
  if (run.style === 'italic') return <em>{content}</em>;
  return <>{content}</>;
}

/** A dotted placeholder: dots on paper, "để trống" for a screen reader. */
function Blank({ text }: { text: string }) {
  return (
    <span class="print-view__blank">
      <span aria-hidden="true">{text}</span>
      <span class="visually-hidden">(để trống)</span>
    </span>
  );
}

function PlanTable({ table }: { table: TableBlock }) {
  const total = table.columns.reduce((sum, column) => sum + column.width, 0);
  return (
    <table class="print-view__table">
      <caption class="visually-hidden">{table.caption}</caption>
      <colgroup>
        {table.columns.map((column) => (
          <col key={column.title} style={{ width: `${((column.width / total) * 100).toFixed(1)}%` }} />
        ))}
      </colgroup>
      <ColumnHeads columns={table.columns} />
      <tbody>
        {table.rows.map((row, rowIndex) => (
          <tr key={rowIndex}>
            {row.map((cell, index) => {
              const column = table.columns[index];
              return (
                <td
                  key={index}
                  data-label={column?.title ?? ''}
                  class={column?.align === 'center' ? 'print-view__cell print-view__cell--center' : 'print-view__cell'}
                >
                  <span class="print-view__cell-content">
                    {cell.blank ? <Blank text={cell.text} /> : <CellText text={cell.text} />}
                    {cell.note !== null && <span class="print-view__cell-note">{cell.note}</span>}
                  </span>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** "Hà Tĩnh, ngày 20 tháng 5 năm 2022": the place may wrap, the date itself never. */
function PlaceDate({ text }: { text: string }) {
  const at = text.lastIndexOf('ngày ');
  if (at < 0) return <>{text}</>;
  return (
    <>
      {text.slice(0, at)}
      <span class="print-view__nowrap">{text.slice(at)}</span>
    </>
  );
}

/** A date ("31/12/2027") or a bare number is never broken across lines. */
const unbreakable = /^(\d{1,2}\/\d{1,2}\/\d{4}|\d+)$/;

/** Cell text keeps the line breaks the member typed. */
function CellText({ text }: { text: string }) {
  const lines = text.split('\n');
  return (
    <>
      {lines.map((line, index) => (
        <span
          key={index}
          class={unbreakable.test(line.trim()) ? 'print-view__cell-line print-view__nowrap' : 'print-view__cell-line'}
        >
          {line}
        </span>
      ))}
    </>
  );
}

/** The two-column heading of a printed document (plan or report); a report adds its number. */
export function DocumentHeader({
  header,
  placeDate,
}: {
  header: { readonly committee: string; readonly branch: string; readonly party: string; readonly number?: string };
  placeDate: ComponentChildren;
}) {
  return (
    <header class="print-view__header">
      <div class="print-view__issuer">
        <p>{header.committee}</p>
        <p class="print-view__branch">{header.branch}</p>
        <p aria-hidden="true">*</p>
        {header.number !== undefined && <p>{header.number}</p>}
      </div>
      <div class="print-view__party">
        <p class="print-view__party-name">
          <span>{header.party}</span>
        </p>
        <p class="print-view__place-date">{placeDate}</p>
      </div>
    </header>
  );
}

/** The head row of a printed table. */
export function ColumnHeads({ columns }: { columns: readonly { readonly title: string }[] }) {
  return (
    <thead>
      <tr>
        {columns.map((column) => (
          <th key={column.title} scope="col">
            {column.title}
          </th>
        ))}
      </tr>
    </thead>
  );
}
