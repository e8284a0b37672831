import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

type Prompt =
  | { kind: 'author'; resolve: (name: string | null) => void }
  | { kind: 'import-new'; headline: string; resolve: (yes: boolean) => void };

const prompts = createStore<{ prompt: Prompt | null }>(() => ({ prompt: null }));

/** Asks the officer's name, once: comments and suggestions carry it. */
export const askAuthorName = (): Promise<string | null> =>
  new Promise((resolve) => prompts.setState({ prompt: { kind: 'author', resolve } }));

/** A review file for a release this store does not have: import it as a new one? */
export const askImportAsNew = (headline: string): Promise<boolean> =>
  new Promise((resolve) => prompts.setState({ prompt: { kind: 'import-new', headline, resolve } }));

const close = () => prompts.setState({ prompt: null });

function useModal() {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return ref;
}

function AuthorPrompt({ resolve }: { resolve: (name: string | null) => void }) {
  const ref = useModal();
  const inputId = useId();
  const [name, setName] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    resolve(name.trim());
    close();
  };
  return (
    <dialog
      ref={ref}
      className="dialog review-prompt"
      aria-labelledby={`${inputId}-title`}
      onCancel={() => {
        resolve(null);
        close();
      }}
    >
      <form onSubmit={submit}>
        <h2 id={`${inputId}-title`}>Who is reviewing?</h2>
        <p className="review-prompt-text">
          Comments and suggestions carry your name. It is kept in Preferences.
        </p>
        <label className="field-label" htmlFor={inputId}>
          Your name
        </label>
        <input
          id={inputId}
          className="text-input"
          autoFocus
          maxLength={120}
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
        <div className="dialog-actions">
          <button
            type="button"
            className="button subtle"
            onClick={() => {
              resolve(null);
              close();
            }}
          >
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={!name.trim()}>
            Save name
          </button>
        </div>
      </form>
    </dialog>
  );
}

function ImportNewPrompt({
  headline,
  resolve,
}: {
  headline: string;
  resolve: (yes: boolean) => void;
}) {
  const ref = useModal();
  const titleId = useId();
  const answer = (yes: boolean) => {
    resolve(yes);
    close();
  };
  return (
    <dialog
      ref={ref}
      className="dialog review-prompt"
      aria-labelledby={titleId}
      onCancel={() => answer(false)}
    >
      <h2 id={titleId}>Import as a new release?</h2>
      <p className="review-prompt-text">
        “{headline || 'Untitled release'}” is not in this library. Import it, with its comments and
        suggestions, as a new release?
      </p>
      <div className="dialog-actions">
        <button type="button" className="button subtle" onClick={() => answer(false)}>
          Cancel
        </button>
        <button type="button" className="button primary" autoFocus onClick={() => answer(true)}>
          Import as new
        </button>
      </div>
    </dialog>
  );
}

/** Review's own questions, one at a time, as accessible modal dialogs. */
export function ReviewPrompts() {
  const prompt = useStore(prompts, (state) => state.prompt);
  if (!prompt) return null;
  return prompt.kind === 'author' ? (
    <AuthorPrompt resolve={prompt.resolve} />
  ) : (
    <ImportNewPrompt headline={prompt.headline} resolve={prompt.resolve} />
  );
}
