import fs from 'node:fs/promises';
import path from 'node:path';
import * as Y from 'yjs';
import { z } from 'zod';
import { DraftIdSchema } from '../../shared/schemas';
import { CorruptFileError, parseJsonText, readStoreText, serializeJson } from './atomic-json-file';
import { errorCode, isTempFile, syncDirectory, writeFileDurably } from './durable-write';
import { quarantine, QUARANTINE_MARK } from './quarantine';
import type { StoreEvents } from './store-events';

/** Beside drafts/: one file per release that entered review. */
export const REVIEW_DIR = 'review';
export const REVIEW_DOC_FILE = /^([A-Za-z0-9_-]{8,64})\.ydoc$/;
/**
 * `review/<id>.merging`: written before a merge (or an import) writes the document, removed
 * once the release's JSON holds it too. One left behind is an interrupted merge, finished or
 * undone when the store next opens (main/services/review-recovery.ts).
 */
export const MERGING_FILE = /^([A-Za-z0-9_-]{8,64})\.merging$/;
const MergingSchema = z.object({ releaseId: DraftIdSchema, revision: z.number().int() }).strict();

const Base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'is not base64');

/**
 * `review/<id>.ydoc`: a release's review document (main/services/review-doc.ts) as one Yjs
 * update, with what this store knows of the copy it was sent from: the state vector of the
 * document as it arrived (`base`, what a returned file leaves out) and the sender's revision.
 */
export const ReviewDocFileSchema = z
  .object({
    format: z.literal('newsroom-review-doc'),
    version: z.literal(1),
    releaseId: DraftIdSchema,
    base: Base64.nullable(),
    sentRevision: z.number().int().nonnegative().nullable(),
    /** The release's revision the document was written with (null in files before it was kept). */
    revision: z.number().int().nonnegative().nullable().default(null),
    update: Base64.min(1),
  })
  .strict();
export type ReviewDocFile = z.infer<typeof ReviewDocFileSchema>;

export interface StoredReviewDoc {
  doc: Y.Doc;
  base: Uint8Array | null;
  sentRevision: number | null;
  /** The release revision this content belongs to, when known. */
  revision?: number | null;
}

const toBase64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
export const fromBase64 = (text: string) => new Uint8Array(Buffer.from(text, 'base64'));

/**
 * Applies an update to a new document, or says why it cannot be: it does not decode, or it
 * builds on changes the document does not have (Yjs would hold those back silently).
 */
export const docFromUpdate = (update: Uint8Array, into: Y.Doc = new Y.Doc()): Y.Doc | string => {
  try {
    Y.applyUpdate(into, update);
  } catch (error) {
    return `its changes do not decode (${error instanceof Error ? error.message : String(error)})`;
  }
  if (into.store.pendingStructs !== null || into.store.pendingDs !== null)
    return 'it builds on changes this copy of the release does not have';
  return into;
};

/** A doc file's content as text, and what is wrong with it (for `newsroom check`), or null. */
export const reviewDocProblem = (file: string, text: string, id: string): string | null => {
  try {
    const data = parseJsonText(file, text, ReviewDocFileSchema);
    if (data.releaseId !== id) return `it holds the review of release ${data.releaseId}, not ${id}`;
    const doc = docFromUpdate(fromBase64(data.update));
    return typeof doc === 'string' ? doc : null;
  } catch (error) {
    return error instanceof CorruptFileError ? error.reason : String(error);
  }
};

/** The review documents of one store: read, written durably, a damaged one moved aside. */
export class ReviewDocFiles {
  private constructor(
    private readonly dir: string,
    private readonly ids: Set<string>,
    private readonly merging: Set<string>,
    private readonly events: StoreEvents,
    private readonly clock: () => Date,
  ) {}

  /** One listing of review/ at open: saving a release never reviewed asks nothing of the disk. */
  static async open(
    storeDir: string,
    events: StoreEvents,
    clock: () => Date = () => new Date(),
  ): Promise<ReviewDocFiles> {
    const dir = path.join(storeDir, REVIEW_DIR);
    const names = await fs.readdir(dir).catch((error: unknown) => {
      if (errorCode(error) === 'ENOENT') return [];
      throw error;
    });
    const ids = new Set<string>();
    const merging = new Set<string>();
    for (const name of names) {
      if (isTempFile(name) || name.includes(QUARANTINE_MARK)) continue;
      const id = REVIEW_DOC_FILE.exec(name)?.[1];
      if (id) ids.add(id);
      const interrupted = MERGING_FILE.exec(name)?.[1];
      if (interrupted) merging.add(interrupted);
    }
    return new ReviewDocFiles(dir, ids, merging, events, clock);
  }

  /** Releases whose merge was interrupted (their `.merging` file was left behind). */
  interrupted(): string[] {
    return [...this.merging];
  }

  /** The revision an interrupted merge was to give the release, or null when unreadable. */
  async mergingRevision(id: string): Promise<number | null> {
    const text = await readStoreText(this.mergingFileOf(id)).catch(() => null);
    if (text === null) return null;
    try {
      const data = MergingSchema.parse(JSON.parse(text));
      return data.releaseId === id ? data.revision : null;
    } catch {
      return null;
    }
  }

  /** Before a merge writes the document: says which revision of the release it is for. */
  async markMerging(id: string, revision: number): Promise<void> {
    if (await fs.mkdir(this.dir, { recursive: true })) await syncDirectory(path.dirname(this.dir));
    await writeFileDurably(this.mergingFileOf(id), serializeJson({ releaseId: id, revision }));
    this.merging.add(id);
  }

  /** The merge is in the release's JSON too (or was undone): its mark goes. */
  async clearMerging(id: string): Promise<void> {
    await fs.rm(this.mergingFileOf(id), { force: true });
    await syncDirectory(this.dir);
    this.merging.delete(id);
  }

  /** A document whose release was never written (an import cut short) goes. */
  async remove(id: string): Promise<void> {
    await fs.rm(this.fileOf(id), { force: true });
    await syncDirectory(this.dir);
    this.ids.delete(id);
  }

  private mergingFileOf(id: string): string {
    if (!DraftIdSchema.safeParse(id).success) throw new Error(`Not a release id: ${id}`);
    return path.join(this.dir, `${id}.merging`);
  }

  has(id: string): boolean {
    return this.ids.has(id);
  }

  private fileOf(id: string): string {
    if (!DraftIdSchema.safeParse(id).success) throw new Error(`Not a release id: ${id}`);
    return path.join(this.dir, `${id}.ydoc`);
  }

  /**
   * The stored document, or null when there is none. One that does not decode is moved aside
   * and reported, never replaced in place: the review it held may still be rescued from it.
   */
  async read(id: string, headline: string): Promise<StoredReviewDoc | null> {
    const file = this.fileOf(id);
    try {
      const text = await readStoreText(file);
      if (text === null) {
        this.ids.delete(id);
        return null;
      }
      const data = parseJsonText(file, text, ReviewDocFileSchema);
      if (data.releaseId !== id)
        throw new CorruptFileError(file, `it holds the review of ${data.releaseId}`, 'wrong-shape');
      const doc = docFromUpdate(fromBase64(data.update));
      if (typeof doc === 'string') throw new CorruptFileError(file, doc, 'wrong-shape');
      return {
        doc,
        base: data.base === null ? null : fromBase64(data.base),
        sentRevision: data.sentRevision,
        revision: data.revision,
      };
    } catch (error) {
      if (!(error instanceof CorruptFileError)) throw error;
      const keptAs = await quarantine(error, this.clock());
      this.ids.delete(id);
      this.events.add({
        kind: 'damaged-file',
        message: `The review history of “${headline || 'an untitled release'}” (${REVIEW_DIR}/${path.basename(file)}) was damaged (${error.reason}). The release itself is intact; its comments and suggestions as last saved are kept in it, and a new review history starts from it. A review file returned for the earlier history cannot be merged. The damaged file is kept as ${path.basename(keptAs)}.`,
        file,
        keptAs,
        draftId: id,
      });
      return null;
    }
  }

  async write(id: string, stored: StoredReviewDoc): Promise<void> {
    const data: ReviewDocFile = {
      format: 'newsroom-review-doc',
      version: 1,
      releaseId: id,
      base: stored.base ? toBase64(stored.base) : null,
      sentRevision: stored.sentRevision,
      revision: stored.revision ?? null,
      update: toBase64(Y.encodeStateAsUpdate(stored.doc)),
    };
    // A folder made now must itself survive a power cut, or the file in it goes with it.
    if (await fs.mkdir(this.dir, { recursive: true })) await syncDirectory(path.dirname(this.dir));
    await writeFileDurably(this.fileOf(id), serializeJson(data));
    this.ids.add(id);
  }
}
