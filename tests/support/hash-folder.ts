import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/** Every file of the store, path and bytes, folded into one digest. */
export const hashFolder = async (root: string): Promise<string> => {
  const hash = createHash('sha256');
  const walk = async (folder: string): Promise<void> => {
    const entries = (await fs.readdir(folder, { withFileTypes: true })).sort((a, b) =>
      a.name.localeCompare(b.name),
    );
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      hash.update(`${path.relative(root, full)}\0`);
      if (entry.isDirectory()) await walk(full);
      else hash.update(await fs.readFile(full));
    }
  };
  await walk(root);
  return hash.digest('hex');
};
