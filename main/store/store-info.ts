import { z } from 'zod';
import { TimestampSchema } from '../../shared/schemas';

/**
 * 1: library.json held every summary and was rewritten on every save.
 * 2: library.json is a compacted index with file stamps, and saves append to library.log.
 */
export const STORE_SCHEMA_VERSION = 2;

export const StoreInfoSchema = z.object({
  schemaVersion: z.number().int().positive(),
  createdAt: TimestampSchema,
  migratedAt: TimestampSchema.optional(),
});
export type StoreInfo = z.infer<typeof StoreInfoSchema>;

export const STORE_FILE = 'store.json';
export const TAXONOMIES_FILE = 'taxonomies.json';
export const LIBRARY_FILE = 'library.json';
export const LIBRARY_LOG = 'library.log';
export const DRAFTS_DIR = 'drafts';
export const JOURNAL_DIR = 'journal';
export const REVISIONS_DIR = 'revisions';

/** A draft file's name; quarantined copies and temp files never match. */
export const DRAFT_FILE = /^([A-Za-z0-9_-]{8,64})\.json$/;
