import { Extension, textInputRule } from '@tiptap/core';

/**
 * House typography as the officer types: `"` becomes “ or ” (and `'` ‘ or ’) by what stands
 * before it, `--` and a spaced hyphen become the en dash, a second space is swallowed. Input
 * rules only, no nodes or marks: the schema, and so the exporters, stay as they are. Undo
 * (Backspace right after) gives back the typed character, as with Tiptap's own input rules.
 */
export const TypographyRules = Extension.create({
  name: 'typographyRules',

  addInputRules() {
    return [
      textInputRule({ find: /(?:^|[\s([{<\u2018\u201c\u2013\u2014/-])(")$/, replace: '\u201c' }),
      textInputRule({ find: /"$/, replace: '\u201d' }),
      textInputRule({ find: /(?:^|[\s([{<\u2018\u201c\u2013\u2014/-])(')$/, replace: '\u2018' }),
      textInputRule({ find: /'$/, replace: '\u2019' }),
      textInputRule({ find: /\S( - )$/, replace: ' \u2013 ' }),
      textInputRule({ find: /--$/, replace: '\u2013' }),
      textInputRule({ find: /\S( {2})$/, replace: ' ' }),
    ];
  },
});
