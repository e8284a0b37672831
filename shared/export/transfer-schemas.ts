import { z } from 'zod';
import { DraftIdSchema, ExportFormatSchema, ReleaseStatusSchema } from '../schemas';

/** 5 MiB, as the importer allows; a File read by the renderer arrives as text of about that. */
const MAX_IMPORT_CHARS = 5 * 1024 * 1024;

/** Files the renderer read with the File API (it has no disk access): names and text only. */
export const ImportFilesInputSchema = z
  .object({
    files: z
      .array(
        z
          .object({
            name: z.string().min(1).max(255),
            // One over the limit, so the importer, not zod, says "too big" and names the file.
            text: z.string().max(MAX_IMPORT_CHARS + 1),
          })
          .strict(),
      )
      .min(1)
      .max(200),
  })
  .strict();

export const ImportSummarySchema = z.object({
  imported: z.array(
    z.object({
      name: z.string(),
      id: DraftIdSchema,
      headline: z.string(),
      warnings: z.array(z.string()),
    }),
  ),
  failed: z.array(z.object({ name: z.string(), error: z.string() })),
});
export type ImportSummary = z.infer<typeof ImportSummarySchema>;

export const BatchSelectionSchema = z.union([
  z.object({ ids: z.array(DraftIdSchema).min(1).max(10_000) }).strict(),
  z.object({ all: z.literal(true) }).strict(),
  z.object({ status: ReleaseStatusSchema }).strict(),
]);

export const BatchExportInputSchema = z
  .object({
    selection: BatchSelectionSchema,
    formats: z.array(ExportFormatSchema).min(1).max(4),
    /** Overwrite files of the same name; the window asks the officer first. */
    force: z.boolean(),
    /** Names this export in its progress events, so each window follows its own. */
    jobId: z.string().min(1).max(64).optional(),
  })
  .strict();

export const BatchExportOutputSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('cancelled') }),
  z.object({
    status: z.literal('done'),
    folder: z.string(),
    written: z.array(z.object({ id: z.string(), format: ExportFormatSchema, path: z.string() })),
    failed: z.array(
      z.object({ id: z.string(), format: ExportFormatSchema.nullable(), error: z.string() }),
    ),
  }),
]);
