import path from 'node:path';
import { Low } from 'lowdb';
import { z } from 'zod';
import { TemplateSchema, type Template } from '../../shared/template-schema';
import { AtomicJsonFile } from './atomic-json-file';

const TemplateFileSchema = z.object({ templates: z.array(TemplateSchema) });
type TemplateFile = z.infer<typeof TemplateFileSchema>;

/** The officers' own templates, in `templates.json` of the store (built-in ones ship with the app). */
export class TemplateStore {
  private constructor(private readonly db: Low<TemplateFile>) {}

  static async open(storeDir: string): Promise<TemplateStore> {
    const file = new AtomicJsonFile(path.join(storeDir, 'templates.json'), TemplateFileSchema);
    const db = new Low<TemplateFile>(file, { templates: [] });
    await db.read();
    return new TemplateStore(db);
  }

  list(): Template[] {
    return structuredClone(this.db.data.templates);
  }

  /** Adds or replaces a template by id; the write is atomic and durable. */
  async put(template: Template): Promise<void> {
    const others = this.db.data.templates.filter((t) => t.id !== template.id);
    await this.replace([...others, template]);
  }

  async remove(id: string): Promise<boolean> {
    const kept = this.db.data.templates.filter((t) => t.id !== id);
    if (kept.length === this.db.data.templates.length) return false;
    await this.replace(kept);
    return true;
  }

  private async replace(templates: Template[]): Promise<void> {
    const previous = this.db.data;
    this.db.data = { templates };
    try {
      await this.db.write();
    } catch (error) {
      // The file still holds the previous list: keep memory in step with it.
      this.db.data = previous;
      throw error;
    }
  }
}
