import packageJson from '../../package.json';
import { TaxonomiesSchema } from '../../shared/schemas';
import { ReleaseStore } from '../store/release-store';
import seedTaxonomies from '../store/seed/taxonomies.json';
import { createDraftService } from './drafts';
import { createExportService } from './export';
import type { Services, TaxonomyService } from './types';

export interface OpenServicesOptions {
  storeDir: string;
  /** The app's version as the shell knows it; defaults to package.json's. */
  version?: string;
  /** Injected by tests that need a fixed "now". */
  clock?: () => Date;
}

export type OpenedServices = Services & { close(): Promise<void> };

/** Opens the store in `storeDir` (creating it if new) and wires every service to it. */
export const openServices = async (options: OpenServicesOptions): Promise<OpenedServices> => {
  const store = await ReleaseStore.open({
    dir: options.storeDir,
    seed: TaxonomiesSchema.parse(seedTaxonomies),
  });
  const drafts = createDraftService(store, options.clock);
  const taxonomies: TaxonomyService = { get: () => store.getTaxonomies() };
  const exports = createExportService({
    getDraft: (id) => drafts.get(id),
    getTaxonomies: () => store.getTaxonomies(),
  });
  return {
    storePath: store.dir,
    version: options.version ?? packageJson.version,
    drafts,
    taxonomies,
    exports,
    close: () => store.close(),
  };
};
