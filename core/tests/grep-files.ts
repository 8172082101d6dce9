/**
 * Plain-text search over a data directory, the way an attacker with the disk would look:
 * every file (database, -wal, -shm, key files, anything else a module drops there), each
 * needle and its first word in UTF-8 and UTF-16 (both byte orders), in original, lower and
 * upper case.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

function encodings(text: string): Buffer[] {
  const variants = new Set([text, text.toLowerCase(), text.toUpperCase()]);
  return [...variants].flatMap((t) => [Buffer.from(t, 'utf8'), Buffer.from(t, 'utf16le'), Buffer.from(t, 'utf16le').swap16()]);
}

export function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    // A live server's directory (PostgreSQL) removes temp files while it is read: those are skipped.
    const info = statSync(path, { throwIfNoEntry: false });
    if (!info) return [];
    return info.isDirectory() ? filesUnder(path) : info.isFile() ? [path] : [];
  });
}

function readIfPresent(file: string): Buffer | null {
  try {
    return readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** "needle in file" for every hit: [] when the directory is clean. */
export function findPlainText(dir: string, needles: readonly string[]): string[] {
  const found: string[] = [];
  for (const file of filesUnder(dir)) {
    const bytes = readIfPresent(file);
    if (!bytes) continue;
    for (const needle of needles) {
      // Also the first word alone: a name split across fields or JSON would still show it.
      for (const part of new Set([needle, needle.split(' ')[0]!])) {
        if (encodings(part).some((enc) => bytes.includes(enc))) found.push(`${part} in ${file}`);
      }
    }
  }
  return found;
}
