/** One round's views, loaded on demand: settings, adding results, the list and the picture. */
import type { Round } from '../../domain/branch/branch-schema';
import { AddResults } from './AddResults';
import { DeleteRound } from './DeleteRound';
import { EntryList } from './EntryList';
import { PictureView } from './PictureView';
import { ReportLauncher } from './report/ReportLauncher';
import { RoundSettings } from './RoundSettings';
import type { BranchWorkspace, WorkspaceState } from './workspace';

interface Props {
  workspace: BranchWorkspace;
  state: WorkspaceState;
  round: Round;
  /** While locked only the autosaved sessions stay (hidden, to keep unsaved edits): no names or counts in the page. */
  locked?: boolean;
}

export function RoundWorkspace({ workspace, state, round, locked = false }: Props) {
  return (
    <>
      <RoundSettings key={round.id} store={workspace.store} round={round} onSaved={(r) => workspace.roundSaved(r)} />
      {!locked && (
        <>
          <AddResults workspace={workspace} round={round} reports={state.reports} />
          <EntryList entries={state.entries} onDelete={(id) => void workspace.deleteEntry(id)} />
          <PictureView round={round} entries={state.entries} checklist={workspace.checklist(round.checklistId)} />
        </>
      )}
      <ReportLauncher
        store={workspace.store}
        round={round}
        entries={state.entries}
        checklist={workspace.checklist(round.checklistId)}
      />
      {!locked && (
        <DeleteRound
          key={round.id}
          round={round}
          entryCount={state.entries.length}
          onDelete={(id) => workspace.deleteRound(id)}
        />
      )}
    </>
  );
}
