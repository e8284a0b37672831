import { z } from 'zod';
import { DocSchema, LanguageSchema, ReleaseBlocksSchema, TermIdSchema } from './schemas';

/** What "Mark as ready" can insist on; a template says which apply to its releases. */
export const ReadinessFieldSchema = z.enum([
  'headline',
  'contentType',
  'date',
  'place',
  'source',
  'fieldsOfWork',
  'body',
  'embargo',
  'lead',
  'review',
]);
export type ReadinessField = z.infer<typeof ReadinessFieldSchema>;

export const ReadinessItemSchema = z.object({
  field: ReadinessFieldSchema,
  message: z.string(),
  /** A missing item blocks "ready"; a warning is shown but does not. */
  severity: z.enum(['missing', 'warning']),
});
export type ReadinessItem = z.infer<typeof ReadinessItemSchema>;

export const TemplateIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{1,79}$/, 'must be a template id');

/**
 * A template: what a new release starts with. Built-in ones ship with the app; an officer's own
 * are saved from a release and live in the store.
 */
export const TemplateSchema = z.object({
  id: TemplateIdSchema,
  name: z.string().trim().min(1).max(120),
  builtin: z.boolean(),
  contentTypeId: TermIdSchema.nullable(),
  headline: z.string().max(500).default(''),
  body: DocSchema,
  blocks: ReleaseBlocksSchema,
  language: LanguageSchema.default('en'),
  sourceIds: z.array(TermIdSchema).max(20).default([]),
  fieldOfWorkIds: z.array(TermIdSchema).max(30).default([]),
  placeIds: z.array(TermIdSchema).max(6).default([]),
  /** Bracketed prompts in the skeleton that must all be replaced before the release is ready. */
  placeholders: z.array(z.string().min(3).max(300)).max(50),
  required: z.array(ReadinessFieldSchema),
});
export type Template = z.infer<typeof TemplateSchema>;
