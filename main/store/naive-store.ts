import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { summarize, type Draft, type DraftSummary } from '../../shared/schemas';

interface NaiveData {
  drafts: Record<string, Draft>;
}

/**
 * The design the store replaced, kept only as the benchmark's baseline: one lowdb JSONFile
 * holding every draft, rewritten whole on every save. Not used by the app.
 */
export const openNaiveStore = async (file: string) => {
  const db = new Low<NaiveData>(new JSONFile<NaiveData>(file), { drafts: {} });
  await db.read();
  return {
    list: (): DraftSummary[] =>
      Object.values(db.data.drafts)
        .map(summarize)
        .sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt)),
    get: (id: string): Draft | undefined => db.data.drafts[id],
    save: async (draft: Draft): Promise<void> => {
      db.data.drafts[draft.id] = draft;
      await db.write();
    },
  };
};
