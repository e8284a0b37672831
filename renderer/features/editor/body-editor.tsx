import { Placeholder } from '@tiptap/extensions';
import { EditorContent, useEditor, type JSONContent } from '@tiptap/react';
import { useEffect, useRef, useState } from 'react';
import { releaseExtensions } from '../../../shared/extensions';
import type { RichNode } from '../../../shared/schemas';
import { Toolbar } from './toolbar';

interface BodyEditorProps {
  initial: RichNode;
  dateline: string | null;
  /** Called on every change with a reader for the current body, so the JSON is built only when saving. */
  onChange: (readBody: () => RichNode) => void;
}

export function BodyEditor({ initial, dateline, onChange }: BodyEditorProps) {
  const [linkFormOpen, setLinkFormOpen] = useState(false);
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);

  const editor = useEditor({
    extensions: [
      ...releaseExtensions(),
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

  return (
    <div className="body-editor">
      <Toolbar editor={editor} linkFormOpen={linkFormOpen} setLinkFormOpen={setLinkFormOpen} />
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
}
