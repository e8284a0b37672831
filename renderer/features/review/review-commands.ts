/** What the open release does for review commands given from the menu, palette or keyboard. */
export interface ReviewCommands {
  comment: () => void;
  toggleSuggest: () => void;
  send: (purpose: 'send' | 'return') => void;
  focusPanel: () => void;
}

let open: ReviewCommands | null = null;

/** The open release registers its handlers, and takes them back when it closes. */
export const registerReviewCommands = (commands: ReviewCommands | null): void => {
  open = commands;
};

export const runReviewCommand = <K extends keyof ReviewCommands>(
  name: K,
  ...args: Parameters<ReviewCommands[K]>
): void => {
  const handler = open?.[name] as ((...a: Parameters<ReviewCommands[K]>) => void) | undefined;
  handler?.(...args);
};
