// The parent's search checklist from the leaflet and Kent §4.1, kept in the parent's case.
import { SEARCH_ITEMS, type SearchItem } from '../../bot/content/vocabulary';
import { ChecklistDialog } from '../base/checklistDialog';
import type { DialogServices } from '../../bot/turn/services';
import { parentCaseRecord } from './parentCase';

export const SEARCH_CHECKLIST_DIALOG = 'parent.search';
export type { ChecklistResult as SearchResult } from '../base/checklistDialog';

export function searchChecklistDialog(services: DialogServices): ChecklistDialog<SearchItem> {
  const record = parentCaseRecord(services);
  return new ChecklistDialog<SearchItem>(
    {
      id: SEARCH_CHECKLIST_DIALOG,
      items: SEARCH_ITEMS,
      keys: 'parent.search',
      rulePoint: 'parent-search',
      itemFact: (searchItem) => ({ searchItem }),
      read: async (context) => (await record.get(context)).search,
      write: async (context, item, outcome) => {
        await record.update(context, (current) => ({ ...current, search: { ...current.search, [item]: outcome } }));
      },
    },
    services,
  );
}
