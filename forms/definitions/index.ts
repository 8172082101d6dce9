/**
 * The forms that ship with the kiosk. The JSON is the data an admin edits; it is
 * validated here at import, so a broken default form fails the build and every test.
 */
import { parseFormDefinition, type FormDefinition } from '../engine/index.ts';
import defaultIntake from './default-intake.json' with { type: 'json' };

function load(name: string, data: unknown): FormDefinition {
  const result = parseFormDefinition(data);
  if (!result.ok) {
    throw new Error(`The built-in form ${name} is invalid:\n${result.errors.map((e) => `  ${e.path}: ${e.message}`).join('\n')}`);
  }
  return result.form;
}

/** The default massage-therapy intake form (`massage-intake`, version 1), validated. */
export const DEFAULT_INTAKE_FORM: FormDefinition = load('default-intake.json', defaultIntake);
