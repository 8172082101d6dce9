/**
 * The forms the kiosk can serve and the exact versions stored submissions were
 * answered with. The live version is what a new client gets.
 */
import type { FormDefinition } from '../../../forms/engine/index.ts';
import { DEFAULT_INTAKE_FORM } from '../../../forms/definitions/index.ts';

export interface FormRegistry {
  active(): FormDefinition;
  get(formId: string, version: number): FormDefinition | null;
}

export function createFormRegistry(forms: readonly FormDefinition[] = [DEFAULT_INTAKE_FORM]): FormRegistry {
  const live = forms[forms.length - 1];
  if (!live) throw new Error('The form registry needs at least one form.');
  return {
    active: () => live,
    get: (formId, version) => forms.find((f) => f.id === formId && f.version === version) ?? null,
  };
}
