/**
 * The staff and admin screens take every word a person sees from the i18n resources, so a
 * translator can work from staff-en.ts, admin-en.ts and the feature text files joined in
 * staff-resources.ts (staff-outcome-text.ts...): no text typed into the JSX,
 * and every key the screens ask for exists (a missing key would show the key itself).
 */
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { STAFF_RESOURCES } from './staff-resources.ts';

const SOURCES = import.meta.glob<string>(['../staff/**/*.tsx', '../admin/**/*.tsx', '../data/**/*.tsx', '!**/*.test.tsx'], { query: '?raw', import: 'default', eager: true });
const RESOURCES: Readonly<Record<string, unknown>> = { staff: STAFF_RESOURCES.en.staff, admin: STAFF_RESOURCES.en.admin };
/** Attributes a person reads or hears. */
const VISIBLE_ATTRIBUTES = new Set(['aria-label', 'label', 'title', 'placeholder', 'alt', 'submitLabel']);
const HAS_WORDS = /\p{L}{2,}/u;

interface Found {
  readonly namespaces: Set<string>;
  /** Literal keys, and the fixed start of template keys (`severity.${s}` -> "severity."). */
  readonly keys: { readonly key: string; readonly isPrefix: boolean; readonly line: number }[];
  readonly typedText: { readonly text: string; readonly line: number }[];
}

function scan(file: string, source: string): Found {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: Found = { namespaces: new Set(), keys: [], typedText: [] };
  const line = (node: ts.Node) => sf.getLineAndCharacterOfPosition(node.getStart()).line + 1;
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) {
      const [first] = node.arguments;
      if (node.expression.text === 'useTranslation' && first && ts.isStringLiteral(first)) found.namespaces.add(first.text);
      if (node.expression.text === 't' && first) {
        if (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first)) found.keys.push({ key: first.text, isPrefix: false, line: line(node) });
        else if (ts.isTemplateExpression(first)) found.keys.push({ key: first.head.text, isPrefix: true, line: line(node) });
      }
    }
    if (ts.isJsxText(node) && HAS_WORDS.test(node.text)) found.typedText.push({ text: node.text.trim(), line: line(node) });
    if (ts.isJsxAttribute(node) && VISIBLE_ATTRIBUTES.has(node.name.getText(sf)) && node.initializer && ts.isStringLiteral(node.initializer) && HAS_WORDS.test(node.initializer.text)) {
      found.typedText.push({ text: `${node.name.getText(sf)}="${node.initializer.text}"`, line: line(node) });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

function lookup(tree: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((at, part) => (at !== null && typeof at === 'object' ? (at as Record<string, unknown>)[part] : undefined), tree);
}

/** A key resolves to a string, or to plural forms (`key_one`, `key_other`). */
function resolves(tree: unknown, key: string): boolean {
  if (typeof lookup(tree, key) === 'string') return true;
  return typeof lookup(tree, `${key}_other`) === 'string' && typeof lookup(tree, `${key}_one`) === 'string';
}

const files = Object.entries(SOURCES).map(([file, source]) => ({ file, ...scan(file, source) }));

describe('staff and admin text comes from the i18n resources', () => {
  it('finds the screens to check', () => {
    expect(files.map((f) => f.file)).toEqual(expect.arrayContaining(['../staff/QueueScreen.tsx', '../admin/forms/FormsPanel.tsx']));
  });

  it.each(files.map((f) => [f.file, f] as const))('%s types no words into its JSX', (_file, found) => {
    expect(found.typedText).toEqual([]);
  });

  it.each(files.filter((f) => f.keys.length > 0).map((f) => [f.file, f] as const))('%s asks only for keys that exist', (_file, found) => {
    expect(found.namespaces.size).toBe(1);
    const tree = RESOURCES[[...found.namespaces][0] ?? ''];
    const missing = found.keys.filter(({ key, isPrefix }) => {
      if (!isPrefix) return !resolves(tree, key);
      const group = lookup(tree, key.replace(/\.$/, ''));
      return group === null || typeof group !== 'object';
    });
    expect(missing).toEqual([]);
  });
});
