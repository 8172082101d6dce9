/**
 * Renderer bundle size from dist/renderer: JS and CSS, raw and gzip (node:zlib, level 9 as
 * a server or packager would), split into "initial" (what index.html loads eagerly:
 * module scripts, modulepreload links and stylesheets) and "total" (every .js/.css file).
 */
import { readFile, readdir } from 'node:fs/promises';
import { extname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const RENDERER_DIST = fileURLToPath(new URL('../dist/renderer', import.meta.url));

/** Bytes of one kind of asset. */
export interface SizePair {
  readonly raw: number;
  readonly gzip: number;
}

export interface BundleReport {
  readonly initialJs: SizePair;
  readonly initialCss: SizePair;
  readonly totalJs: SizePair;
  readonly totalCss: SizePair;
  /** Paths relative to the dist folder, for the README. */
  readonly initialFiles: readonly string[];
  readonly allFiles: readonly string[];
}

/** The asset paths index.html loads eagerly (script src, modulepreload and stylesheet hrefs), relative to `dir`. */
export function eagerAssets(indexHtml: string): string[] {
  const found = new Set<string>();
  for (const tag of indexHtml.match(/<(script|link)\b[^>]*>/gi) ?? []) {
    const attr = (name: string) => new RegExp(`\\b${name}\\s*=\\s*["']([^"']+)["']`, 'i').exec(tag)?.[1];
    const isScript = /^<script/i.test(tag);
    const rel = attr('rel')?.toLowerCase();
    const url = isScript ? attr('src') : rel === 'stylesheet' || rel === 'modulepreload' ? attr('href') : undefined;
    // Only files of the bundle: data: URLs and absolute http(s) URLs are not ours.
    if (url && !/^[a-z]+:/i.test(url)) found.add(normalize(url.replace(/^\.?\//, '')));
  }
  return [...found];
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)));
}

const add = (a: SizePair, b: SizePair): SizePair => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip });
const ZERO: SizePair = { raw: 0, gzip: 0 };

/** Measures the built renderer in `dir`; throws with a hint when it has not been built. */
export async function measureBundle(dir = RENDERER_DIST): Promise<BundleReport> {
  let html: string;
  try {
    html = await readFile(join(dir, 'index.html'), 'utf8');
  } catch {
    throw new Error(`No built renderer in ${dir}: run "npx vite build" first.`);
  }
  const eager = new Set(eagerAssets(html));
  const files = (await listFiles(dir)).filter((f) => ['.js', '.mjs', '.css'].includes(extname(f))).sort();
  let initialJs = ZERO;
  let initialCss = ZERO;
  let totalJs = ZERO;
  let totalCss = ZERO;
  for (const file of files) {
    const bytes = await readFile(join(dir, file));
    const size: SizePair = { raw: bytes.byteLength, gzip: gzipSync(bytes, { level: 9 }).byteLength };
    const isCss = extname(file) === '.css';
    if (isCss) totalCss = add(totalCss, size);
    else totalJs = add(totalJs, size);
    if (!eager.has(normalize(file))) continue;
    if (isCss) initialCss = add(initialCss, size);
    else initialJs = add(initialJs, size);
  }
  return { initialJs, initialCss, totalJs, totalCss, initialFiles: files.filter((f) => eager.has(normalize(f))), allFiles: files };
}

if (import.meta.main) {
  const report = await measureBundle();
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  for (const [label, size] of [
    ['initial JS', report.initialJs],
    ['initial CSS', report.initialCss],
    ['total JS', report.totalJs],
    ['total CSS', report.totalCss],
  ] as const) {
    console.log(`${label.padEnd(12)} raw ${kb(size.raw).padStart(10)}   gzip ${kb(size.gzip).padStart(10)}`);
  }
  console.log(`eager files: ${report.initialFiles.join(', ')}`);
}
