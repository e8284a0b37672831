import { COMMAND_SPECS, RENDERER_COMMANDS, type RendererCommand } from '../../../shared/contract';

/** Commands the palette lists: every menu command the page runs, except opening the palette. */
export const PALETTE_COMMANDS = RENDERER_COMMANDS.filter((c) => c !== 'app:palette');

export type PaletteCommand = Exclude<RendererCommand, 'app:palette'>;

/** The commands whose label or keywords contain every word typed, in menu order. */
export const filterCommands = (query: string): PaletteCommand[] => {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return PALETTE_COMMANDS.filter((command) => {
    const spec = COMMAND_SPECS[command];
    const haystack = `${spec.label} ${spec.keywords ?? ''} ${command}`.toLowerCase();
    return words.every((word) => haystack.includes(word));
  }) as PaletteCommand[];
};
