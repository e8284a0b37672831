import { useEffect, useRef, useState } from 'react';
import { COMMAND_SPECS, RENDERER_COMMANDS, type RendererCommand } from '../../../shared/contract';
import { onEvent, shellCatchesShortcuts } from '../../api/client';
import { acceleratorIndex, isMacPlatform } from './accelerator';
import { CommandPalette } from './command-palette';
import type { PaletteCommand } from './palette-items';

export type CommandHandlers = Record<PaletteCommand, () => void>;

/**
 * Where commands arrive, whichever way they are given: the desktop menu (through the preload's
 * subscription), the keyboard in browser mode (no native menu there to catch the shortcuts), and
 * the palette. All end in the same handlers.
 */
export function CommandCenter({
  run,
  isEnabled = () => true,
}: {
  run: CommandHandlers;
  isEnabled?: (command: PaletteCommand) => boolean;
}) {
  const [paletteOpen, setPaletteOpen] = useState(false);
  const mac = isMacPlatform(navigator.platform);
  // Handlers change with every render of the app; subscriptions stay put and read the latest.
  const latest = useRef({ run, isEnabled });
  useEffect(() => {
    latest.current = { run, isEnabled };
  });

  useEffect(() => {
    const dispatch = (command: RendererCommand) => {
      if (command === 'app:palette') return setPaletteOpen(true);
      if (latest.current.isEnabled(command)) latest.current.run[command]();
    };
    // The desktop menu catches its shortcuts and sends the focused window the command; a page
    // without that menu (browser mode) catches the same shortcuts itself.
    const offMenu = onEvent('menu:command', ({ command }) => dispatch(command));
    if (shellCatchesShortcuts) return offMenu;
    const commandFor = acceleratorIndex(
      RENDERER_COMMANDS.flatMap((c) => {
        const accelerator = COMMAND_SPECS[c].accelerator;
        return accelerator === undefined ? [] : [[c, accelerator] as const];
      }),
      mac,
    );
    const onKey = (event: KeyboardEvent) => {
      const command = commandFor(event);
      if (!command) return;
      event.preventDefault();
      dispatch(command);
    };
    window.addEventListener('keydown', onKey);
    return () => {
      offMenu();
      window.removeEventListener('keydown', onKey);
    };
  }, [mac]);

  if (!paletteOpen) return null;
  return (
    <CommandPalette
      mac={mac}
      isEnabled={(command) => latest.current.isEnabled(command)}
      onRun={(command) => latest.current.run[command]()}
      onClose={() => setPaletteOpen(false)}
    />
  );
}
