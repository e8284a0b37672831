/**
 * Commands the app offers in its menu, its command palette and on the keyboard. Menu items send
 * the renderer one of the `RendererCommand` names (the only main→renderer event there is); the
 * palette runs the same ones, so a command is never reachable in one place only.
 */
export const RENDERER_COMMANDS = [
  'release:new',
  'release:save',
  'release:export-md',
  'release:export-html',
  'release:trash',
  'view:library',
  'view:trash',
  'app:palette',
  'app:preferences',
] as const;
export type RendererCommand = (typeof RENDERER_COMMANDS)[number];

export const isRendererCommand = (value: unknown): value is RendererCommand =>
  typeof value === 'string' && (RENDERER_COMMANDS as readonly string[]).includes(value);

export interface CommandSpec {
  label: string;
  /** Electron accelerator syntax; `CmdOrCtrl` is ⌘ on macOS and Ctrl elsewhere. */
  accelerator?: string;
  /** Words the palette also matches on. */
  keywords?: string;
}

export const COMMAND_SPECS: Record<RendererCommand, CommandSpec> = {
  'release:new': { label: 'New Release', accelerator: 'CmdOrCtrl+N', keywords: 'create draft' },
  'release:save': { label: 'Save Now', accelerator: 'CmdOrCtrl+S', keywords: 'store flush' },
  'release:export-md': {
    label: 'Export as Markdown…',
    accelerator: 'CmdOrCtrl+E',
    keywords: 'md download',
  },
  'release:export-html': {
    label: 'Export as HTML…',
    accelerator: 'CmdOrCtrl+Shift+E',
    keywords: 'web download',
  },
  'release:trash': {
    label: 'Move to Trash',
    accelerator: 'CmdOrCtrl+Shift+Backspace',
    keywords: 'delete remove',
  },
  'view:library': { label: 'Show Library', accelerator: 'CmdOrCtrl+1', keywords: 'releases list' },
  'view:trash': { label: 'Show Trash', accelerator: 'CmdOrCtrl+2', keywords: 'deleted' },
  'app:palette': {
    label: 'Command Palette…',
    accelerator: 'CmdOrCtrl+Shift+P',
    keywords: 'commands actions',
  },
  'app:preferences': {
    label: 'Preferences…',
    accelerator: 'CmdOrCtrl+,',
    keywords: 'settings options theme dark officer name store folder spelling',
  },
};

/** The event name main sends commands on; the preload listens to this one name only. */
export const COMMAND_EVENT = 'shell:command';

/** What the preload exposes beside the contract: a subscription to menu commands. */
export interface CommandBridge {
  onCommand(listener: (command: RendererCommand) => void): () => void;
}

export const COMMAND_BRIDGE_KEY = 'newsroomCommands';
