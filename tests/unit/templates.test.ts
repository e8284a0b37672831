import { getSchema } from '@tiptap/core';
import { Node } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import seed from '../../main/store/seed/taxonomies.json';
import { releaseExtensions } from '../../shared/extensions';
import { TaxonomiesSchema, type RichNode } from '../../shared/schemas';
import { defaultBlocksFor } from '../../shared/source-blocks';
import { TemplateSchema } from '../../shared/template-schema';
import { BUILT_IN_TEMPLATES, templateById } from '../../shared/templates';
import { docText } from '../../shared/writing/counts';

const taxonomies = TaxonomiesSchema.parse(seed);
const schema = getSchema(releaseExtensions());
const bracketed = (text: string): string[] => text.match(/\[[^\]]+\]/g) ?? [];

const headings = (body: RichNode): string[] =>
  (body.content ?? [])
    .filter((n) => n.type === 'heading')
    .map((n) => n.content?.map((t) => t.text).join('') ?? '');

describe('built-in templates', () => {
  it('are the four genres, in menu order', () => {
    expect(BUILT_IN_TEMPLATES.map((t) => t.name)).toEqual([
      'Press release',
      'News item',
      'Press statement',
      'Media advisory',
    ]);
    expect(new Set(BUILT_IN_TEMPLATES.map((t) => t.id)).size).toBe(4);
  });

  describe.each(BUILT_IN_TEMPLATES.map((t) => [t.name, t] as const))('%s', (_name, template) => {
    it('has a body the editor schema accepts', () => {
      expect(() => Node.fromJSON(schema, template.body).check()).not.toThrow();
      expect(template.body.type).toBe('doc');
    });

    it('lists exactly the placeholders of its body and lead', () => {
      const inTemplate = [...bracketed(docText(template.body)), ...bracketed(template.blocks.lead)];
      expect([...template.placeholders].sort()).toEqual([...new Set(inTemplate)].sort());
      expect(template.placeholders.length).toBeGreaterThanOrEqual(3);
      for (const placeholder of template.placeholders) expect(placeholder).toMatch(/^\[.+\]$/);
    });

    it('uses a content type of the seed', () => {
      expect(taxonomies.contentTypes.map((c) => c.id)).toContain(template.contentTypeId);
    });

    it('requires at least a headline, a date, a source and a body', () => {
      expect(template.required).toEqual(
        expect.arrayContaining(['headline', 'contentType', 'date', 'source', 'body']),
      );
    });

    it('parses as a template of the store', () => {
      expect(TemplateSchema.parse(template)).toEqual(template);
    });
  });

  it('gives the press release a lead placeholder and the end mark', () => {
    const release = templateById('press-release');
    expect(release?.blocks.lead).toBe('[Summary: one or two sentences, at most 160 characters]');
    expect(release?.blocks.endMark).toBe(true);
    expect(release?.placeholders).toContain('[Quote from the official, with name and title]');
    expect(release?.placeholders).toContain('[Opening paragraph: who did what, where and when]');
  });

  it('gives the media advisory its What/When/Where/Who/Accreditation sections', () => {
    const advisory = templateById('media-advisory');
    if (!advisory) throw new Error('no media advisory');
    expect(headings(advisory.body)).toEqual(['What', 'When', 'Where', 'Who', 'Accreditation']);
  });

  it('finds no template for an unknown id', () => {
    expect(templateById('obituary')).toBeUndefined();
    expect(templateById(null)).toBeUndefined();
  });
});

describe('defaultBlocksFor', () => {
  const PRESS = 'Communication and Media Relations Section';

  it('gives the Secretariat and its units the press section and press@osce.org', () => {
    for (const id of ['secretariat', 'cpc', 'osr-cthb', 'secretary-general']) {
      const blocks = defaultBlocksFor([id], taxonomies);
      expect(blocks.contact, id).toContain(PRESS);
      expect(blocks.contact, id).toContain('press@osce.org');
      expect(blocks.about, id).toContain('57 participating States');
    }
  });

  it('gives each institution and the Parliamentary Assembly its own blocks', () => {
    expect(defaultBlocksFor(['odihr'], taxonomies).about).toContain(
      'Office for Democratic Institutions and Human Rights (ODIHR), based in Warsaw',
    );
    expect(defaultBlocksFor(['hcnm'], taxonomies).about).toContain('based in The Hague');
    expect(defaultBlocksFor(['rfom'], taxonomies).about).toContain(
      'Representative on Freedom of the Media, based in Vienna',
    );
    expect(defaultBlocksFor(['parliamentary-assembly'], taxonomies).contact).toContain(
      'Copenhagen',
    );
  });

  it('names a field operation from its label, asking for the contact person', () => {
    const blocks = defaultBlocksFor(['mission-to-skopje'], taxonomies);
    expect(blocks.contact).toBe(
      'OSCE Mission to Skopje\n[Name, title and e-mail address of the press contact]',
    );
    expect(blocks.about).toMatch(
      /^The OSCE Mission to Skopje is one of the OSCE’s field operations\./,
    );
  });

  it('lets the first known source decide, and falls back to the press section', () => {
    expect(defaultBlocksFor(['nowhere', 'hcnm', 'odihr'], taxonomies).about).toContain('The Hague');
    expect(defaultBlocksFor([], taxonomies).contact).toContain('press@osce.org');
    expect(defaultBlocksFor(['nowhere'], taxonomies).contact).toContain(PRESS);
  });

  it('invents no telephone numbers', () => {
    for (const source of taxonomies.sources) {
      const { contact, about } = defaultBlocksFor([source.id], taxonomies);
      expect(`${contact}\n${about}`, source.id).not.toMatch(/\+?\d[\d ()-]{6,}\d/);
    }
  });
});
