/**
 * The report half of a round in /chi-bo/, loaded on demand (`await import()`) so /chi-bo/'s first
 * load does not grow: the báo cáo đề dẫn, the monthly follow-up and the year-end figures. What the
 * committee writes lives in `round.report`; every edit goes through `update`, which the branch
 * workspace autosaves like the rest of the round (two-tab merge, backup, lock and erase included).
 */
import { useState } from 'preact/hooks';
import type { Entry, Round } from '../../../domain/branch/branch-schema';
import { limitSmallCounts, picture, type PictureChecklist } from '../../../domain/branch/picture';
import { emptySections, type ReportSections } from '../../../domain/branch/report';
import { BranchYearEndView } from './BranchYearEndView';
import { MonthlyFollowUp } from './MonthlyFollowUp';
import { ReportEditor } from './ReportEditor';
import '../../../styles/print-view.css';
import './report.css';

export interface ReportWorkspaceProps {
  round: Round;
  entries: readonly Entry[];
  checklist: PictureChecklist;
  update: (change: (round: Round) => Round) => void;
  flush: () => Promise<void>;
  makeId: () => string;
}

type Part = 'report' | 'follow-up' | 'year-end';

const partLabels: Record<Part, string> = {
  report: 'Báo cáo đề dẫn',
  'follow-up': 'Theo dõi hằng tháng',
  'year-end': 'Số liệu cuối năm',
};

export function ReportWorkspace({ round, entries, checklist, update, flush, makeId }: ReportWorkspaceProps) {
  const [part, setPart] = useState<Part>('report');
  const sections = round.report ?? emptySections;
  const outbound = limitSmallCounts(picture(round, entries, checklist), round.smallCountThreshold);
  const change = (edit: (current: ReportSections) => ReportSections) =>
    update((current) => ({ ...current, report: edit(current.report ?? emptySections) }));

  return (
    <div class="report-workspace">
      <div class="button-row report-workspace__parts" role="group" aria-label="Phần việc sau tự soi">
        {(Object.keys(partLabels) as Part[]).map((key) => (
          <button
            key={key}
            type="button"
            class={key === part ? 'button button--primary' : 'button'}
            aria-pressed={key === part}
            onClick={() => setPart(key)}
          >
            {partLabels[key]}
          </button>
        ))}
      </div>
      {part === 'report' && (
        <ReportEditor round={round} outbound={outbound} sections={sections} change={change} flush={flush} makeId={makeId} />
      )}
      {part === 'follow-up' && <MonthlyFollowUp round={round} entries={entries} sections={sections} change={change} />}
      {part === 'year-end' && <BranchYearEndView round={round} entries={entries} sections={sections} />}
    </div>
  );
}
