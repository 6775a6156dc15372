import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { type ToolDefinition, toolDefinition } from '../../../shared/contracts/frameworks';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'starter-library');

const componentsFile = z.object({
  frameworks: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      components: z.array(z.object({ code: z.string(), strand: z.string().optional(), label: z.string() })),
    }),
  ),
});

export type StarterLibrary = {
  components: {
    framework: string;
    frameworkName: string;
    code: string;
    strand: string | null;
    label: string;
  }[];
  tools: ToolDefinition[];
};

let cached: Promise<StarterLibrary> | undefined;

/** The shipped tools and framework components, read once from the JSON files beside this module. */
export function loadStarterLibrary(): Promise<StarterLibrary> {
  cached ??= (async () => {
    const files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
    const components = componentsFile
      .parse(JSON.parse(await readFile(join(dir, 'components.json'), 'utf8')))
      .frameworks.flatMap((f) =>
        f.components.map((c) => ({
          framework: f.key,
          frameworkName: f.name,
          code: c.code,
          strand: c.strand ?? null,
          label: c.label,
        })),
      );
    const tools: ToolDefinition[] = [];
    for (const f of files.filter((x) => x !== 'components.json')) {
      tools.push(toolDefinition.parse(JSON.parse(await readFile(join(dir, f), 'utf8'))));
    }
    return { components, tools };
  })();
  return cached;
}
