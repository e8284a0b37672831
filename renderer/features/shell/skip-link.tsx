/** Where "Skip to editor" lands: the body when a release is open, else the way to start one. */
const focusEditor = () => {
  const target =
    document.querySelector<HTMLElement>('.ProseMirror') ??
    document.querySelector<HTMLElement>('.empty-state .button');
  target?.focus();
};

/**
 * The page's first stop for the keyboard, shown only when it has focus: past the top bar and
 * the library, straight into the release's body.
 */
export function SkipLink() {
  return (
    <a
      href="#editor"
      className="skip-link"
      onClick={(event) => {
        // The address keeps its own meaning (#release=ID): move focus, not the location.
        event.preventDefault();
        focusEditor();
      }}
    >
      Skip to editor
    </a>
  );
}
