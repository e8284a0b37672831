import { randomBytes } from 'node:crypto';
import { DEFAULT_REQUIRED_FIELDS } from '../../shared/readiness';
import { ServiceError } from '../../shared/result';
import type { Draft } from '../../shared/schemas';
import { TemplateSchema, type ReadinessField, type Template } from '../../shared/template-schema';
import type { TemplateStore } from '../store/template-store';
import { publishNowhere, type Publish } from './event-bus';

/** Bracketed prompts such as "[Quote from the official, with name and title]". */
const PLACEHOLDER = /\[[^\]\n]{3,300}\]/g;

const textOf = (draft: Draft): string => {
  const parts: string[] = [
    draft.headline,
    draft.blocks.lead,
    draft.blocks.contact,
    draft.blocks.about,
  ];
  const walk = (node: Draft['body']): void => {
    if (node.text) parts.push(node.text);
    node.content?.forEach(walk);
  };
  walk(draft.body);
  return parts.join('\n');
};

const slug = (name: string): string =>
  name
    .normalize('NFKD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40) || 'template';

export interface TemplateService {
  list(): Template[];
  get(id: string): Template;
  saveFromDraft(draft: Draft, name: string): Promise<Template>;
  update(id: string, change: { name?: string; draft?: Draft }): Promise<Template>;
  remove(id: string): Promise<void>;
}

export const createTemplateService = (
  store: TemplateStore,
  builtins: readonly Template[],
  publish: Publish = publishNowhere,
): TemplateService => {
  const own = (id: string): Template => {
    if (builtins.some((t) => t.id === id)) {
      throw new ServiceError(
        'INVALID_INPUT',
        'Built-in templates cannot be changed; save a release as a new template instead.',
      );
    }
    const found = store.list().find((t) => t.id === id);
    if (!found) throw new ServiceError('NOT_FOUND', `No template with id ${id}`);
    return found;
  };

  /** The template a release makes: its content, its metadata defaults, and the prompts left in it. */
  const fromDraft = (
    draft: Draft,
    id: string,
    name: string,
    required: ReadinessField[],
  ): Template =>
    TemplateSchema.parse({
      id,
      name,
      builtin: false,
      contentTypeId: draft.meta.contentTypeId,
      headline: draft.headline,
      body: draft.body,
      blocks: draft.blocks,
      language: draft.meta.language,
      sourceIds: draft.meta.sourceIds,
      fieldOfWorkIds: draft.meta.fieldOfWorkIds,
      placeIds: draft.meta.placeIds,
      placeholders: [...new Set(textOf(draft).match(PLACEHOLDER) ?? [])],
      required,
    });

  const requiredFor = (draft: Draft): ReadinessField[] => {
    const origin = draft.templateId
      ? [...builtins, ...store.list()].find((t) => t.id === draft.templateId)
      : undefined;
    return origin?.required ?? [...DEFAULT_REQUIRED_FIELDS];
  };

  const list = (): Template[] => [
    ...builtins,
    ...store.list().sort((a, b) => a.name.localeCompare(b.name)),
  ];
  const changed = (): void => publish('templates:changed', { templates: list() });

  return {
    list,

    get(id) {
      const found = [...builtins, ...store.list()].find((t) => t.id === id);
      if (!found) throw new ServiceError('NOT_FOUND', `No template with id ${id}`);
      return found;
    },

    async saveFromDraft(draft, name) {
      const id = `own-${slug(name)}-${randomBytes(3).toString('hex')}`;
      const template = fromDraft(draft, id, name.trim(), requiredFor(draft));
      await store.put(template);
      changed();
      return template;
    },

    async update(id, change) {
      const current = own(id);
      const next = change.draft
        ? fromDraft(change.draft, id, change.name ?? current.name, current.required)
        : TemplateSchema.parse({ ...current, name: change.name ?? current.name });
      await store.put(next);
      changed();
      return next;
    },

    async remove(id) {
      own(id);
      await store.remove(id);
      changed();
    },
  };
};
