/**
 * Who the client is, read from the answers through the form's declared identity
 * questions (so an admin can rename or split the name fields without code changes).
 */
import type { Answers, FormDefinition } from '../../forms/engine/index.ts';

export interface ClientIdentity {
  readonly name: string;
  readonly dateOfBirth: string | null;
}

export function clientIdentity(form: FormDefinition, answers: Answers): ClientIdentity {
  const nameParts = form.identity.name
    .map((id) => answers[id])
    .filter((v): v is string => typeof v === 'string' && v.trim() !== '')
    .map((v) => v.trim());
  const dob = form.identity.dateOfBirth ? answers[form.identity.dateOfBirth] : undefined;
  return { name: nameParts.join(' '), dateOfBirth: typeof dob === 'string' && dob !== '' ? dob : null };
}

/** Initials for export file names: the only part of a name that leaves the encrypted store. */
export function initialsOf(name: string): string {
  const initials = name
    .split(/[\s-]+/u)
    .filter(Boolean)
    .map((part) => [...part][0] ?? '')
    .join('')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z]/g, '')
    .toUpperCase()
    .slice(0, 4);
  return initials || 'X';
}
