import { channels } from '../../shared/contract';
import type { Handlers } from '../../main/services/handlers';

/**
 * Handlers for a test that exercises a transport, not the services: the ones given, and for
 * every other channel one that fails loudly if the test reaches it.
 */
export const stubHandlers = (given: Partial<Handlers>): Handlers => ({
  ...(Object.fromEntries(
    channels.map((channel) => [
      channel,
      async () => {
        throw new Error(`This test did not expect ${channel}`);
      },
    ]),
  ) as unknown as Handlers),
  ...given,
});
