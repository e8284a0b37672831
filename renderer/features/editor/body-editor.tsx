import { Placeholder } from '@tiptap/extensions';
import { EditorContent, useEditor, type JSONContent } from '@tiptap/react';
import { memo, useEffect, useRef, useState } from 'react';
import { releaseExtensions } from '../../../shared/extensions';
import type { Language, RichNode } from '../../../shared/schemas';
import {
  cleanPastedHtmlWithReport,
  describePasteReport,
} from '../../../shared/paste/clean-pasted-html';
import { normaliseTypography } from '../../../shared/writing/typography';
import {
  textAfter,
  textBefore,
  TypographyRules,
} from '../../../shared/writing/typography-extension';
import { FindBar } from '../find/find-bar';
import { FindReplace } from '../find/find-replace-extension';
import { CommentAnchors } from '../review/comment-anchors';
import type { ReviewController } from '../review/review-controller';
import type { ReviewModel } from '../review/review-model';
import { SuggestMode } from '../review/suggest-mode';
import { Toolbar } from './toolbar';

interface BodyEditorProps {
  initial: RichNode;
  dateline: string | null;
  /** The release's language: the spell checker follows it. */
  language: Language;
  /** Called on every change with a reader for the current body, so the JSON is built only when saving. */
  onChange: (readBody: () => RichNode) => void;
  /** What a paste left out (images, comments, tracked deletions) or changed, in a sentence. */
  onPasteNotice: (text: string) => void;
  /** The release's review: who suggests, which thread a click opens. Stable for the release. */
  review: ReviewModel;
  reviewer: ReviewController;
}

export const BodyEditor = memo(function BodyEditor({
  initial,
  dateline,
  language,
  onChange,
  onPasteNotice,
  review,
  reviewer,
}: BodyEditorProps) {
  const [linkFormOpen, setLinkFormOpen] = useState(false);
  const [find, setFind] = useState<{ replace: boolean } | null>(null);
  const onChangeRef = useRef(onChange);
  const languageRef = useRef(language);
  const onPasteNoticeRef = useRef(onPasteNotice);
  useEffect(() => {
    onChangeRef.current = onChange;
    languageRef.current = language;
    onPasteNoticeRef.current = onPasteNotice;
  }, [onChange, language, onPasteNotice]);

  const editor = useEditor({
    extensions: [
      ...releaseExtensions(),
      FindReplace,
      TypographyRules,
      SuggestMode.configure({ authors: review }),
      CommentAnchors.configure({
        onActivate: (ids) => review.setUi({ activeThreadId: ids[0] ?? null, panelOpen: true }),
      }),
      Placeholder.configure({
        placeholder: 'Write the release. The dateline above opens the first paragraph.',
      }),
    ],
    content: initial as JSONContent,
    // The window's CSP allows no inline styles: the editor's base styles live in styles.css.
    injectCSS: false,
    immediatelyRender: true,
    shouldRerenderOnTransaction: false,
    editorProps: {
      attributes: {
        class: 'prose',
        'aria-label': 'Body',
        'aria-multiline': 'true',
        role: 'textbox',
        spellcheck: 'true',
        lang: language,
      },
      // Word, Google Docs and web pages bring fonts, colours, scripts and images: keep the structure only.
      transformPastedHTML: (html) => {
        const { html: clean, report } = cleanPastedHtmlWithReport(html, document);
        const notice = describePasteReport(report);
        if (notice) onPasteNoticeRef.current(notice);
        return clean;
      },
      // Plain text (an email, a text file) gets the house typography typing would have given it.
      transformPastedText: (text, _plain, view) => {
        const { $from, $to } = view.state.selection;
        return normaliseTypography(text, languageRef.current, textBefore($from), textAfter($to));
      },
      handleKeyDown: (_view, event) => {
        if ((event.metaKey || event.ctrlKey) && !event.altKey && event.key.toLowerCase() === 'k') {
          event.preventDefault();
          setLinkFormOpen(true);
          return true;
        }
        return false;
      },
    },
    onUpdate: ({ editor: e }) => onChangeRef.current(() => e.getJSON() as RichNode),
  });

  useEffect(() => {
    review.attach(editor);
    return () => review.attach(null);
  }, [editor, review]);

  useEffect(() => {
    editor.view.dom.setAttribute('lang', language);
    // Quotation marks typed from now on are the release language's.
    editor.commands.setQuoteLanguage(language);
  }, [editor, language]);

  useEffect(() => {
    // Find works from anywhere in the release window, not only from inside the body.
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const key = event.key.toLowerCase();
      if (key === 'f' || key === 'h') {
        event.preventDefault();
        setFind({ replace: key === 'h' });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="body-editor">
      <Toolbar
        editor={editor}
        linkFormOpen={linkFormOpen}
        setLinkFormOpen={setLinkFormOpen}
        findOpen={find !== null}
        onFind={() => setFind(find ? null : { replace: false })}
        reviewer={reviewer}
      />
      {find && (
        <FindBar editor={editor} focusReplace={find.replace} onClose={() => setFind(null)} />
      )}
      <div className="page">
        <p
          className={dateline ? 'dateline-lead' : 'dateline-lead missing'}
          aria-label="Dateline as it will print"
        >
          {dateline ?? 'Dateline: choose a place and a date'}
        </p>
        <EditorContent editor={editor} />
      </div>
    </div>
  );
});
