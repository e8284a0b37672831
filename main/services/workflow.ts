import { checkReadiness, requirable } from '../../shared/readiness';
import type { Template } from '../../shared/template-schema';
import { ServiceError } from '../../shared/result';
import { emptyMeta, type Draft, type Taxonomies } from '../../shared/schemas';
import { defaultBlocksFor } from '../../shared/source-blocks';
import { localIsoDate } from './drafts';
import type { TemplateService } from './templates';
import type { DraftService, ReleaseWorkflow } from './types';

interface WorkflowDeps {
  drafts: DraftService;
  templates: TemplateService;
  taxonomies: () => Taxonomies;
  clock?: () => Date;
}

export const createReleaseWorkflow = ({
  drafts,
  templates,
  taxonomies,
  clock = () => new Date(),
}: WorkflowDeps): ReleaseWorkflow => ({
  async createFromTemplate(templateId) {
    const template = templates.get(templateId);
    const terms = taxonomies();
    const known = (ids: readonly string[], list: readonly { id: string }[]) =>
      ids.filter((id) => list.some((t) => t.id === id));
    const sourceIds = known(template.sourceIds, terms.sources);
    const meta = {
      ...emptyMeta(),
      contentTypeId:
        template.contentTypeId && terms.contentTypes.some((t) => t.id === template.contentTypeId)
          ? template.contentTypeId
          : null,
      date: localIsoDate(clock()),
      language: template.language,
      placeIds: known(template.placeIds, terms.places),
      sourceIds,
      fieldOfWorkIds: known(template.fieldOfWorkIds, terms.fieldsOfWork),
    };
    // The source's contact and boilerplate fill whatever the template leaves empty.
    const defaults = defaultBlocksFor(sourceIds, terms);
    const blocks = {
      ...template.blocks,
      contact: template.blocks.contact || defaults.contact,
      about: template.blocks.about || defaults.about,
    };
    return drafts.createFrom({
      headline: template.headline,
      body: template.body,
      meta,
      blocks,
      templateId: template.id,
    });
  },

  async markReady(id) {
    const draft: Draft = await drafts.get(id);
    if (draft.trashedAt)
      throw new ServiceError(
        'INVALID_INPUT',
        'A release in the trash cannot be marked ready; restore it first.',
      );
    let template: Template | undefined;
    try {
      template = draft.templateId ? templates.get(draft.templateId) : undefined;
    } catch {
      // The template was deleted since: its prompts can no longer be told apart, so none are checked.
    }
    const items = checkReadiness({
      draft,
      taxonomies: taxonomies(),
      placeholders: template?.placeholders ?? [],
      required: template ? requirable(template.required) : undefined,
      now: clock(),
    });
    const missing = items.filter((item) => item.severity === 'missing');
    if (missing.length > 0) return { status: 'blocked', items };
    const summary = await drafts.save({
      id: draft.id,
      headline: draft.headline,
      body: draft.body,
      meta: draft.meta,
      blocks: draft.blocks,
      status: 'ready',
    });
    return { status: 'ready', summary, warnings: items };
  },
});
