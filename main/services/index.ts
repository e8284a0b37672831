import packageJson from '../../package.json';
import { TaxonomiesSchema, type StoreEvent } from '../../shared/schemas';
import { ReleaseStore } from '../store/release-store';
import seedTaxonomies from '../store/seed/taxonomies.json';
import { createDraftService } from './drafts';
import { ReviewDocFiles } from '../store/review-doc-files';
import { createReviewDocs } from './review-docs';
import { recoverInterruptedMerges } from './review-recovery';
import { createReviewService } from './review-service';
import { createExportService } from './export';
import { BUILT_IN_TEMPLATES } from '../../shared/templates';
import { TemplateStore } from '../store/template-store';
import { createTemplateService } from './templates';
import { createReleaseWorkflow } from './workflow';
import type { Services, TaxonomyService } from './types';
import { publishNowhere, type Publish } from './event-bus';

export interface OpenServicesOptions {
  storeDir: string;
  /** The app's version as the shell knows it; defaults to package.json's. */
  version?: string;
  /** Injected by tests that need a fixed "now". */
  clock?: () => Date;
  /** Who holds the store, as the lock names it to a second program (`newsroom list`…). */
  holder?: string;
  /** Where the services tell of changes (the windows' event stream); nowhere by default. */
  publish?: Publish;
}

export type OpenedServices = Services & { close(): Promise<void> };

/** Opens the store in `storeDir` (creating it if new) and wires every service to it. */
export const openServices = async (options: OpenServicesOptions): Promise<OpenedServices> => {
  const store = await ReleaseStore.open({
    dir: options.storeDir,
    seed: TaxonomiesSchema.parse(seedTaxonomies),
    holder: options.holder,
  });
  const publish = options.publish ?? publishNowhere;
  const reviewFiles = await ReviewDocFiles.open(store.dir, store.repairs, options.clock).catch(
    async (error: unknown) => {
      await store.close();
      throw error;
    },
  );
  await recoverInterruptedMerges(store, reviewFiles);
  const reviewDocs = createReviewDocs(reviewFiles, store.repairs);
  const drafts = createDraftService(store, options.clock, publish, reviewDocs);
  const taxonomies: TaxonomyService = { get: () => store.getTaxonomies() };
  const exports = createExportService({
    getDraft: (id) => drafts.get(id),
    getTaxonomies: () => store.getTaxonomies(),
  });
  // The store is locked by now: a failure past this point must let go of it.
  const templateStore = await TemplateStore.open(
    store.dir,
    options.clock,
    store.repairs,
    store.writeGate,
  ).catch(async (error: unknown) => {
    await store.close();
    throw error;
  });
  const stopTelling = tellRepairs(store, publish);
  const templates = createTemplateService(templateStore, BUILT_IN_TEMPLATES, publish);
  const workflow = createReleaseWorkflow({
    drafts,
    templates,
    taxonomies: () => store.getTaxonomies(),
    clock: options.clock,
  });
  return {
    storePath: store.dir,
    publish,
    storeReport: () => {
      const events = [...store.repairs.earlier(), ...store.report()];
      // A window has been told: earlier runs' repairs are not shown again next time.
      store.repairs.markSeen();
      return { events };
    },
    version: options.version ?? packageJson.version,
    drafts,
    reviewDocs,
    review: createReviewService({
      drafts,
      reviewDocs,
      taxonomies: () => store.getTaxonomies(),
      clock: options.clock,
    }),
    taxonomies,
    exports,
    templates,
    workflow,
    close: async () => {
      stopTelling();
      await store.close();
    },
  };
};

/**
 * Publishes every repair the store makes from now on, the moment it makes it, and what opening
 * the store repaired (a window that connects later reads that in the report; the CLI prints
 * it). A repaired release's new summary goes out too, so every library shows it as it is.
 */
const tellRepairs = (store: ReleaseStore, publish: Publish): (() => void) => {
  const tell = (events: StoreEvent[]) => {
    // The event carries at most 1,000 (a store with thousands of damaged files is told in parts).
    for (let start = 0; start < events.length; start += 1000) {
      publish('store:repaired', { events: events.slice(start, start + 1000) });
    }
    for (const id of new Set(events.flatMap((event) => event.draftId ?? []))) {
      const summary = store.summaryOf(id);
      if (summary) publish('release:saved', { summary });
    }
  };
  tell(store.report());
  return store.repairs.onEvent((event) => tell([event]));
};
