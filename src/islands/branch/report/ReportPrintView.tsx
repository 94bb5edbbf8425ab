/**
 * The report as an HTML page laid out like the PDF, from the same ReportDocument model (the
 * accessible version, and the way out of browsers that lose downloads). Styles: print-view.css.
 */
import type { ReportDocument } from './report-export';
import { ColumnHeads, DocumentHeader, TextBlock } from '../../PrintView';
import { ChartSvg } from '../ChartSvg';

type Block = ReportDocument['sections'][number]['blocks'][number];

export function ReportPrintView({ document: report }: { document: ReportDocument }) {
  return (
    <article class="print-view" lang="vi" aria-labelledby="report-print-title">
      <DocumentHeader header={report.header} placeDate={report.header.placeDate} />
      <h3 id="report-print-title" class="print-view__title" tabIndex={-1}>
        {report.title}
      </h3>
      <p class="print-view__summary">{report.summary}</p>
      {report.sections.map((section) => (
        <section key={section.id} class="print-view__section" aria-labelledby={`report-print-${section.id}`}>
          <h4 id={`report-print-${section.id}`} class="print-view__heading">
            {section.heading}
          </h4>
          {section.blocks.map((block, index) => (
            <BlockView key={index} block={block} />
          ))}
        </section>
      ))}
      <div class="report-print__closing">
        <div class="report-print__recipients">
          <p>
            <strong>
              <u>Nơi nhận:</u>
            </strong>
          </p>
          {report.recipients.map((line, index) => (
            <p key={index}>{line}</p>
          ))}
        </div>
        <div class="print-view__signature">
          <p class="print-view__signer">{report.signature.body}</p>
          <p class="print-view__signer">{report.signature.role}</p>
          <div class="print-view__sign-space" aria-hidden="true" />
          <p class="print-view__name">{report.signature.name}</p>
        </div>
      </div>
    </article>
  );
}

function BlockView({ block }: { block: Block }) {
  switch (block.kind) {
    case 'paragraph':
    case 'dotted-lines':
      return <TextBlock block={block} />;
    case 'table':
      return (
        <div class="report-print__table-wrap">
          <table class="print-view__table report-print__table">
            <caption class="visually-hidden">{block.caption}</caption>
            <ColumnHeads columns={block.columns} />
            <tbody>
              {block.rows.map((row, rowIndex) => (
                <tr key={rowIndex}>
                  {row.map((cell, index) => (
                    <td
                      key={index}
                      data-label={block.columns[index]?.title ?? ''}
                      class={
                        block.columns[index]?.align === 'center'
                          ? 'print-view__cell print-view__cell--center'
                          : 'print-view__cell'
                      }
                    >
                      {cell.text}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    case 'chart':
      return <ChartSvg chart={block.chart} id="report-chart" variant="report" caption={<strong>{block.chart.title}</strong>} />;
  }
}
