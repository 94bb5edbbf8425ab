/**
 * Printing and saving the plan. jsPDF and the fonts load only when the member asks for the PDF;
 * the print view (the accessible version, and the way out of in-app browsers) needs only the layout.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ChecklistData } from '../../domain/checklist-schema';
import { userMessage } from '../../domain/errors';
import type { Review } from '../../domain/review-schema';
import { describeBrowser } from '../../domain/user-agent';
import {
  buildPrintDocument,
  canShareFiles,
  deliverPdf,
  exportPlanPdf,
  preloadPdf,
  recommendedDelivery,
  type DeliveryChoice,
  type PdfResult,
  type PlanDocument,
} from '../pdf-export';
import { PrintView } from '../PrintView';
import { focusLater } from './focus';
import { routeHash } from './router';
import { fileSizeLabel } from '../pdf-result';
import { Feedback, useFeedback } from '../Feedback';
import { Checkbox } from './fields';
import '../../styles/print-view.css';

interface Props {
  review: Review;
  checklist: ChecklistData;
  /** Saves pending edits first, so the printout matches what is stored. */
  flush: () => Promise<void>;
}

const choiceLabels: Record<DeliveryChoice, string> = {
  download: 'Tải tệp PDF về máy',
  open: 'Mở tệp PDF để xem',
  share: 'Chia sẻ tệp PDF…',
  'print-view': 'Xem bản in (in bằng trình duyệt)',
};

/** What to print: the whole review or only its plan. */
const scopeChoices = [
  { id: 'scope-full', value: 'full', label: 'Toàn bộ bản tự soi (ưu điểm, các biểu hiện, kế hoạch, cam kết)' },
  { id: 'scope-plan', value: 'plan-only', label: 'Chỉ kế hoạch khắc phục' },
] as const;

export function ExportView({ review, checklist, flush }: Props) {
  const [scope, setScope] = useState<'full' | 'plan-only'>('full');
  const [includeNotes, setIncludeNotes] = useState(true);
  const hasCheckIns = review.actions.some((action) => action.checkIns.length > 0);
  const [includeCheckIns, setIncludeCheckIns] = useState(hasCheckIns);
  const [includeCommitteeBox, setIncludeCommitteeBox] = useState(false);
  const [result, setResult] = useState<PdfResult | undefined>(undefined);
  const [printDocument, setPrintDocument] = useState<PlanDocument | undefined>(undefined);
  const feedback = useFeedback();
  const advice = recommendedDelivery(describeBrowser(navigator.userAgent, navigator.maxTouchPoints), canShareFiles());
  const printRef = useRef<HTMLDivElement>(null);
  const options = { scope, includeNotes, includeCheckIns, includeCommitteeBox };
  // Opening the print part is the intent: load jsPDF and the fonts, and warm them up, before the click.
  const latest = useRef({ review, checklist, options });
  latest.current = { review, checklist, options };
  useEffect(() => preloadPdf(() => ({ ...latest.current, now: new Date() })), []);
  const nameMissing = review.member.name.trim() === '';

  const changeOptions = (apply: () => void) => {
    apply();
    setResult(undefined);
    setPrintDocument(undefined);
    feedback.setMessage('');
  };

  const makePdf = async () => {
    // aria-disabled, not disabled: focus stays on the button while the file is made.
    if (feedback.busy) return;
    feedback.start('Đang tạo tệp PDF…');
    await feedback.run(
      async () => {
        await flush();
        const made = await exportPlanPdf({ review, checklist, options, now: new Date() });
        setResult(made);
        const size = fileSizeLabel(made.bytes);
        if (advice.primary[0] === 'download') {
          await deliverPdf(made, 'download');
          feedback.setMessage(`Đã tạo và tải về tệp ${made.fileName} (${size}). Tệp nằm trong mục Tải về của máy.`);
        } else {
          feedback.setMessage(`Đã tạo tệp ${made.fileName} (${size}). Chọn cách lấy tệp bên dưới.`);
          focusLater('pdf-delivery-heading');
        }
      },
      (caught) => userMessage(caught, 'Không tạo được tệp PDF. Hãy thử lại, hoặc dùng “Xem bản in”.'),
    );
  };

  const deliver = async (how: DeliveryChoice) => {
    feedback.setError('');
    if (how === 'print-view') {
      await flush();
      setPrintDocument(await buildPrintDocument({ review, checklist, options, now: new Date() }));
      // The new view starts at its top (the way back, then the document), with focus on its title.
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          document.querySelector('.print-screen')?.scrollIntoView({ block: 'start' });
          document.getElementById('print-view-title')?.focus({ preventScroll: true });
        }),
      );
      return;
    }
    if (!result) return;
    const outcome = await deliverPdf(result, how);
    if (outcome === 'unsupported') {
      feedback.setError(
        how === 'open'
          ? 'Trình duyệt không cho mở tệp. Hãy cho phép cửa sổ bật lên, hoặc dùng cách khác.'
          : 'Trình duyệt này không hỗ trợ cách này. Hãy dùng cách khác.',
      );
    } else if (outcome === 'downloaded') feedback.setMessage(`Đã tải về tệp ${result.fileName}.`);
    else if (outcome === 'shared') feedback.setMessage('Đã chuyển tệp sang ứng dụng bạn chọn.');
  };

  const choices = [...advice.primary, ...advice.secondary].filter(
    (choice) => choice !== 'download' || advice.primary[0] !== 'download',
  );

  const closePrintView = () => {
    setPrintDocument(undefined);
    focusLater('open-print-view');
  };

  if (printDocument) {
    // A full view of its own: the rest of the tool is hidden (review.css), so the change is visible on a phone.
    return (
      <div class="print-screen">
        <div class="print-screen__bar no-print">
          <button type="button" class="button" onClick={closePrintView}>
            ← Quay lại
          </button>
          <button type="button" class="button button--primary" onClick={() => print()}>
            In bản này
          </button>
        </div>
        <div ref={printRef}>
          <PrintView document={printDocument} />
        </div>
      </div>
    );
  }

  return (
    <div>
      {nameMissing && (
        <p class="alert alert--warning" role="note">
          Chưa ghi họ và tên: văn bản sẽ để dòng chấm để viết tay.{' '}
          <a href={routeHash({ view: 'review', id: review.id, tab: 'thong-tin' })}>Ghi họ tên ở phần Thông tin</a>
        </p>
      )}
      <div class="panel no-print">
        <fieldset class="plain-fieldset">
          <legend>Nội dung in</legend>
          {scopeChoices.map((choice) => (
            <label key={choice.id} class="checkbox" for={choice.id}>
              <input
                id={choice.id}
                type="radio"
                name="scope"
                checked={scope === choice.value}
                onChange={() => changeOptions(() => setScope(choice.value))}
              />
              {choice.label}
            </label>
          ))}
        </fieldset>
        <Checkbox id="include-notes" checked={includeNotes} onChange={(checked) => changeOptions(() => setIncludeNotes(checked))}>
          In cả phần ghi nhận và nguyên nhân đã ghi
        </Checkbox>
        <Checkbox
          id="include-check-ins"
          checked={includeCheckIns}
          onChange={(checked) => changeOptions(() => setIncludeCheckIns(checked))}
        >
          In bảng theo dõi hằng tháng{hasCheckIns ? '' : ' (chưa có lần theo dõi nào)'}
        </Checkbox>
        <Checkbox
          id="include-committee"
          checked={includeCommitteeBox}
          onChange={(checked) => changeOptions(() => setIncludeCommitteeBox(checked))}
        >
          Thêm ô “Nhận xét của cấp ủy chi bộ” dưới chữ ký
        </Checkbox>
        {advice.notice && (
          <p class="alert alert--warning" role="note">
            {advice.notice}
          </p>
        )}
        <div class="button-row">
          <button type="button" class="button button--primary" aria-disabled={feedback.busy} onClick={() => void makePdf()}>
            {advice.primary[0] === 'download' ? 'Tải bản PDF' : 'Tạo tệp PDF'}
          </button>
          {!result && advice.primary[0] !== 'download' && (
            <button type="button" id="open-print-view" class="button" onClick={() => void deliver('print-view')}>
              {choiceLabels['print-view']}
            </button>
          )}
        </div>
        <Feedback message={feedback.message} error={feedback.error} />
        {(result || advice.primary[0] === 'download') && (
          <div>
            <h3 id="pdf-delivery-heading" tabIndex={-1}>
              {result ? 'Lấy tệp' : 'Cách khác'}
            </h3>
            <div class="button-row">
              {choices
                .filter((choice) => result || choice === 'print-view')
                .map((choice) => (
                  <button
                    key={choice}
                    type="button"
                    class="button"
                    id={choice === 'print-view' ? 'open-print-view' : undefined}
                    onClick={() => void deliver(choice)}
                  >
                    {choiceLabels[choice]}
                  </button>
                ))}
            </div>
          </div>
        )}
        <p class="hint">
          Tệp PDF và bản in được tạo ngay trên máy bạn, không gửi đi đâu. Khi nộp cho chi bộ, nên gửi riêng cho bí thư, không đăng
          vào nhóm chung.
        </p>
      </div>
    </div>
  );
}
