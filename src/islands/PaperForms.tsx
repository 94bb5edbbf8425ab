/**
 * Blank paper forms for members who write by hand: choose the form, see it as the print view,
 * print it with the browser or save it as PDF. Nothing here reads or writes stored data.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ChecklistData } from '../domain/checklist-schema';
import { buildPaperFormDocument, exportPaperFormPdf, type PaperFormDocument, type PaperFormKind } from './paper-form-export';
import { deliverPdf, type PdfResult } from './pdf-export';
import { PrintView } from './PrintView';
import { fileSizeLabel, pdfFailureMessage } from './pdf-result';
import { Feedback } from './Feedback';
import '../styles/print-view.css';

interface Props {
  checklist: ChecklistData;
}

const kindLabels: Record<PaperFormKind, string> = {
  'self-review': 'Phiếu tự soi (các biểu hiện, mỗi mức một ô, dòng ghi chú, kế hoạch, cam kết)',
  plan: 'Kế hoạch khắc phục để trống',
};

export function PaperForms({ checklist }: Props) {
  const [kind, setKind] = useState<PaperFormKind>('self-review');
  const [model, setModel] = useState<PaperFormDocument | undefined>(undefined);
  const [result, setResult] = useState<PdfResult | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');

  useEffect(() => {
    let current = true;
    setResult(undefined);
    void buildPaperFormDocument(kind, checklist).then(
      (built) => current && setModel(built),
      () => current && setError('Không dựng được bản in. Hãy tải lại trang.'),
    );
    return () => {
      current = false;
    };
  }, [kind, checklist]);

  const makePdf = async () => {
    setBusy(true);
    setError('');
    setStatus('Đang tạo tệp PDF…');
    try {
      const made = result ?? (await exportPaperFormPdf(kind, checklist));
      setResult(made);
      await deliverPdf(made, 'download');
      setStatus(`Đã tải về tệp ${made.fileName} (${fileSizeLabel(made.bytes)}).`);
    } catch (caught) {
      setStatus('');
      setError(pdfFailureMessage(caught, 'Không tạo được tệp PDF. Hãy thử lại, hoặc bấm “In phiếu này”.'));
    } finally {
      setBusy(false);
    }
  };

  const openPdf = async () => {
    if (!result) return;
    if ((await deliverPdf(result, 'open')) === 'unsupported') {
      setError('Trình duyệt chặn mở thẻ mới. Hãy cho phép cửa sổ bật lên, hoặc tải tệp về.');
    }
  };

  return (
    <div>
      <div class="panel no-print">
        <fieldset class="plain-fieldset">
          <legend>Mẫu cần in</legend>
          {(Object.keys(kindLabels) as PaperFormKind[]).map((key) => (
            <div key={key}>
              <label class="checkbox" for={`paper-form-${key}`}>
                <input
                  id={`paper-form-${key}`}
                  type="radio"
                  name="paper-form"
                  checked={kind === key}
                  onChange={() => {
                    setKind(key);
                    setStatus('');
                  }}
                />
                {kindLabels[key]}
              </label>
            </div>
          ))}
        </fieldset>
        <div class="button-row">
          <button type="button" class="button button--primary" disabled={busy} onClick={() => void makePdf()}>
            Tải tệp PDF
          </button>
          {result && (
            <button type="button" class="button" onClick={() => void openPdf()}>
              Mở tệp PDF trong thẻ mới
            </button>
          )}
          <button type="button" class="button" onClick={() => print()}>
            In phiếu này
          </button>
        </div>
        <Feedback message={status} error={error} />
      </div>
      {model ? <PrintView document={model} /> : <p role="status">Đang dựng bản in…</p>}
    </div>
  );
}
