/// <reference lib="dom" />
/**
 * The typing benchmark's anchor: Tiptap's StarterKit and nothing else, holding the same
 * document as the release the app is timed on (served beside this page as doc.json).
 */
import { Editor, type JSONContent } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';

const element = document.querySelector<HTMLElement>('#editor');
if (!element) throw new Error('bare page: no #editor');
const response = await fetch('./doc.json');
const content = (await response.json()) as JSONContent;
new Editor({ element, extensions: [StarterKit], content });
document.body.dataset.ready = 'true';
