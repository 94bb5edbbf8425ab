/**
 * The báo cáo đề dẫn of a round: settings, sections I–V with short guidance, section II generated
 * from the outbound picture (regenerating never replaces an edit without asking), then the PDF and
 * the print view. Edits go through `change`, which the workspace autosaves with the round.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  acceptGenerated,
  collectivePrompts,
  editGenerated,
  isEdited,
  regenerate,
  reportHeadings,
  resultsParagraph,
  type ReportPicture,
  type ReportRound,
  type ReportSections,
} from '../../../domain/branch/report';
import { addMeasure, removeMeasure, updateMeasure } from '../../../domain/branch/follow-up';
import { ConfirmDialog } from '../../review/ConfirmDialog';
import { Checkbox, TextField } from '../../review/fields';
import { toNfc } from '../../../domain/text';
import type { ComponentChildren } from 'preact';
import { deliverPdf, type PdfResult } from '../../pdf-export';
import { buildReportDocument, exportReportPdf, preloadReportPdf, type ReportDocument } from './report-export';
import { ReportPrintView } from './ReportPrintView';
import { fileSizeLabel, pdfFailureMessage } from '../../pdf-result';
import { Feedback, useFeedback } from '../../Feedback';

interface Props {
  round: ReportRound;
  outbound: ReportPicture;
  sections: ReportSections;
  change: (edit: (sections: ReportSections) => ReportSections) => void;
  /** Saves pending edits first, so the printout matches what is stored. */
  flush: () => Promise<void>;
  makeId: () => string;
}

export function ReportEditor({ round, outbound, sections, change, flush, makeId }: Props) {
  const fresh = resultsParagraph(outbound);
  const outcome = regenerate(sections.results, fresh);
  const [confirming, setConfirming] = useState(false);
  const [printDocument, setPrintDocument] = useState<ReportDocument | undefined>(undefined);
  const [result, setResult] = useState<PdfResult | undefined>(undefined);
  const feedback = useFeedback();

  // An unedited section follows the numbers as results arrive; an edited one waits for the secretary.
  useEffect(() => {
    if (outcome.kind === 'updated') change((current) => ({ ...current, results: outcome.section }));
    // Runs when the generated text changes, not when the parent passes a new `change` function.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [outcome.kind, fresh]);

  const input = () => ({ round, outbound, sections, now: new Date() });
  // Opening the report is the intent: load jsPDF and the fonts, and warm them up, before the click.
  const latest = useRef(input);
  latest.current = input;
  useEffect(() => preloadReportPdf(() => latest.current()), []);

  const makePdf = () => {
    feedback.start('Đang tạo tệp PDF…');
    return feedback.run(
      async () => {
        await flush();
        const made = await exportReportPdf(input());
        setResult(made);
        await deliverPdf(made, 'download');
        feedback.setMessage(`Đã tạo và tải về tệp ${made.fileName} (${fileSizeLabel(made.bytes)}).`);
      },
      (caught) => pdfFailureMessage(caught, 'Không tạo được tệp PDF. Hãy thử lại, hoặc dùng “Xem bản in”.'),
    );
  };

  const showPrint = async () => {
    await flush();
    setPrintDocument(await buildReportDocument(input()));
    requestAnimationFrame(() => document.getElementById('report-print-title')?.focus());
  };

  return (
    <div class="report-editor">
      <p class="hint">
        Báo cáo chỉ có số liệu chung, không tên đảng viên; số nhỏ hơn {outbound.threshold} ghi là “dưới {outbound.threshold}”.
        Đoạn văn trang tự soạn chỉ là gợi ý ban đầu: sửa tự do.
      </p>

      <fieldset class="plain-fieldset panel">
        <legend>Thông tin văn bản</legend>
        <div class="field-grid">
          <TextField
            id="report-number"
            label="Số văn bản (Số …-BC/CB)"
            value={sections.number}
            onInput={(v) => change((c) => ({ ...c, number: v }))}
          />
          <TextField
            id="report-place"
            label="Địa danh ghi ở dòng ngày tháng"
            value={sections.place}
            onInput={(v) => change((c) => ({ ...c, place: v }))}
          />
          <TextField
            id="report-signer"
            label="Họ tên người ký (bí thư)"
            value={sections.signerName}
            autoComplete="name"
            onInput={(v) => change((c) => ({ ...c, signerName: v }))}
          />
        </div>
        <Checkbox
          id="report-chi-uy"
          checked={sections.signerBody === 'chi-uy'}
          onChange={(checked) => change((c) => ({ ...c, signerBody: checked ? 'chi-uy' : 'chi-bo' }))}
        >
          Ký “T/M CHI ỦY” (chi bộ có chi ủy, từ 9 đảng viên chính thức); bỏ chọn để ký “T/M CHI BỘ”
        </Checkbox>
        <TextField
          id="report-recipients"
          label="Nơi nhận"
          hint="Mỗi nơi một dòng."
          multiline
          rows={3}
          value={sections.recipients}
          onInput={(v) => change((c) => ({ ...c, recipients: v }))}
        />
      </fieldset>

      <FreeTextSection section="collective" sections={sections} change={change}>
        <p class="hint" id="report-collective-prompts-intro">
          Tập thể chi bộ tự soi về:
        </p>
        <ul class="hint" aria-describedby="report-collective-prompts-intro">
          {collectivePrompts.map((prompt) => (
            <li key={prompt}>{prompt}</li>
          ))}
        </ul>
      </FreeTextSection>

      <div class="panel report-section">
        <h3 id="report-results">{reportHeadings.results}</h3>
        <TextField
          id="report-results-text"
          label="Đoạn văn phần II"
          hint="Trang soạn từ số liệu của đợt, theo lối chung, không nêu tên. Bảng số liệu và biểu đồ được in kèm bên dưới."
          multiline
          rows={8}
          value={sections.results.text}
          onInput={(v) => change((c) => ({ ...c, results: editGenerated(c.results, v) }))}
        />
        {outcome.kind === 'needs-confirmation' && (
          <p class="alert alert--warning" role="status">
            Số liệu đã thay đổi từ khi trang soạn đoạn văn này. Đoạn bạn đã sửa được giữ nguyên.{' '}
            <button type="button" class="button" onClick={() => setConfirming(true)}>
              Thay bằng đoạn mới theo số liệu
            </button>
          </p>
        )}
        {outcome.kind !== 'needs-confirmation' && isEdited(sections.results) && (
          <button type="button" class="button" onClick={() => setConfirming(true)}>
            Soạn lại từ số liệu
          </button>
        )}
        {confirming && (
          <ConfirmDialog
            title="Thay đoạn văn đã sửa?"
            message="Đoạn văn phần II bạn đã sửa sẽ được thay bằng đoạn trang soạn lại từ số liệu hiện tại."
            confirmLabel="Thay đoạn văn"
            onConfirm={() => {
              setConfirming(false);
              change((c) => ({ ...c, results: acceptGenerated(fresh) }));
            }}
            onCancel={() => setConfirming(false)}
          />
        )}
      </div>

      <FreeTextSection section="shortcomings" sections={sections} change={change} />

      <div class="panel report-section">
        <h3 id="report-measures">{reportHeadings.measures}</h3>
        <TextField
          id="report-direction"
          label="Phương hướng chung"
          multiline
          rows={3}
          value={sections.direction}
          onInput={(v) => change((c) => ({ ...c, direction: toNfc(v) }))}
        />
        <h4>Biện pháp của chi bộ (việc gì, ai làm, đến khi nào)</h4>
        {sections.measures.length === 0 && <p class="hint">Chưa có biện pháp. Bản in sẽ có ba dòng trống để viết tay.</p>}
        <ol class="report-measures">
          {sections.measures.map((measure, index) => (
            <li key={measure.id} class="report-measure">
              <TextField
                id={`measure-${measure.id}-what`}
                label={`Biện pháp ${index + 1}`}
                multiline
                rows={2}
                value={measure.what}
                onInput={(v) => change((c) => updateMeasure(c, measure.id, { what: v }))}
              />
              <div class="field-grid">
                <TextField
                  id={`measure-${measure.id}-who`}
                  label="Người thực hiện"
                  value={measure.who}
                  onInput={(v) => change((c) => updateMeasure(c, measure.id, { who: v }))}
                />
                <TextField
                  id={`measure-${measure.id}-by`}
                  label="Thời hạn"
                  type="date"
                  value={measure.by.length === 10 ? measure.by : ''}
                  onInput={(v) => change((c) => updateMeasure(c, measure.id, { by: v }))}
                />
              </div>
              <button type="button" class="button button--quiet" onClick={() => change((c) => removeMeasure(c, measure.id))}>
                Xóa biện pháp {index + 1}
              </button>
            </li>
          ))}
        </ol>
        <button type="button" class="button" onClick={() => change((c) => addMeasure(c, makeId()))}>
          Thêm biện pháp
        </button>
      </div>

      <FreeTextSection section="questions" sections={sections} change={change} />

      <div class="panel">
        <div class="button-row">
          <button type="button" class="button button--primary" disabled={feedback.busy} onClick={() => void makePdf()}>
            Tải báo cáo PDF
          </button>
          {result && (
            <button type="button" class="button" onClick={() => void deliverPdf(result, 'open')}>
              Mở tệp PDF trong thẻ mới
            </button>
          )}
          <button type="button" class="button" onClick={() => void showPrint()}>
            Xem bản in
          </button>
        </div>
        <Feedback message={feedback.message} error={feedback.error} />
      </div>
      {printDocument && (
        <div>
          <div class="button-row no-print">
            <button type="button" class="button button--primary" onClick={() => print()}>
              In báo cáo
            </button>
          </div>
          <ReportPrintView document={printDocument} />
        </div>
      )}
    </div>
  );
}

/** The sections of the report the secretary writes freely: the field's label, guidance and height. */
const freeTexts = {
  collective: { label: 'Nội dung phần I', hint: 'Để trống thì bản in có các gợi ý trên và dòng kẻ để viết tay.', rows: 6 },
  shortcomings: {
    label: 'Nội dung phần III',
    hint: 'Hạn chế, khuyết điểm chung của chi bộ và nguyên nhân chủ quan, khách quan.',
    rows: 6,
  },
  questions: { label: 'Nội dung phần V', hint: 'Những câu hỏi để hội nghị thảo luận, mỗi câu một dòng.', rows: 4 },
} as const;

interface FreeTextProps {
  section: keyof typeof freeTexts;
  sections: ReportSections;
  change: Props['change'];
  /** Guidance shown between the heading and the field. */
  children?: ComponentChildren;
}

/** A section of the report the secretary writes freely: its heading, guidance and one text field. */
function FreeTextSection({ section, sections, change, children }: FreeTextProps) {
  const { label, hint, rows } = freeTexts[section];
  return (
    <div class="panel report-section">
      <h3 id={`report-${section}`}>{reportHeadings[section]}</h3>
      {children}
      <TextField
        id={`report-${section}-text`}
        label={label}
        hint={hint}
        multiline
        rows={rows}
        value={sections[section]}
        onInput={(value) => change((current) => ({ ...current, [section]: toNfc(value) }))}
      />
    </div>
  );
}
