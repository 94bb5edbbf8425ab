/**
 * The only part of the report that is in /chi-bo/'s first load: a button that imports the report
 * workspace on demand, so opening it adds nothing to the page's first-load JavaScript.
 */
import type { ComponentType } from 'preact';
import { useState } from 'preact/hooks';
import type { Entry, Round } from '../../../domain/branch/branch-schema';
import type { PictureChecklist } from '../../../domain/branch/picture';
import { sitePath } from '../../../site/paths';
import type { BranchStore } from '../../../storage/branch-store';

export interface ReportPanelProps {
  store: BranchStore;
  round: Round;
  entries: readonly Entry[];
  checklist: PictureChecklist | undefined;
}

export function ReportLauncher(props: ReportPanelProps) {
  const [Panel, setPanel] = useState<ComponentType<ReportPanelProps> | undefined>(undefined);
  const [error, setError] = useState('');
  const open = async () => {
    setError('');
    try {
      const module = await import('./ReportPanel');
      setPanel(() => module.ReportPanel);
    } catch {
      setError('Không tải được phần báo cáo. Hãy kiểm tra kết nối rồi thử lại.');
    }
  };
  return (
    <section class="panel" aria-labelledby="report-heading">
      <h2 id="report-heading">Báo cáo, theo dõi và tổng kết</h2>
      {Panel ? (
        <Panel key={props.round.id} {...props} />
      ) : (
        <>
          <p>Soạn báo cáo đề dẫn cho hội nghị chuyên đề, theo dõi khắc phục hằng tháng và lấy số liệu cuối năm của đợt này.</p>
          <p>
            Đảng viên muốn viết tay: <a href={sitePath('tu-soi/phieu-giay/')}>in phiếu tự soi và kế hoạch để trống</a> (thứ tự
            trên phiếu trùng với ô nhập phiếu giấy ở trên).
          </p>
          <button type="button" class="button button--primary" onClick={() => void open()}>
            Mở phần báo cáo
          </button>
          {error && (
            <p class="alert alert--error" role="alert">
              {error}
            </p>
          )}
        </>
      )}
    </section>
  );
}
