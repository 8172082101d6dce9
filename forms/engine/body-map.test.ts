import { describe, expect, it } from 'vitest';
import { BODY_MAP, BODY_MAP_REGION_IDS, bodyMapRegionLabel } from './body-map.ts';
import { BUILTIN_LANGUAGES } from './messages.ts';

const views = Object.entries(BODY_MAP.views);
const paths = views.flatMap(([view, v]) => [[`${view} outline`, v.outline] as const, ...v.regions.map((r) => [`${view} ${r.id}`, r.path] as const)]);

describe('BODY_MAP', () => {
  // The names the review, the staff detail and the PDF's legend print: in every shipped language, not English.
  it.each(BUILTIN_LANGUAGES.filter((lang) => lang !== 'en'))('every region has a name in %s', (lang) => {
    for (const id of BODY_MAP_REGION_IDS) {
      const label = bodyMapRegionLabel(id);
      expect(label?.[lang], `${id} in ${lang}`).toBeTruthy();
      if (lang !== 'es' && lang !== 'fr') expect(label?.[lang], `${id} in ${lang}`).not.toBe(label?.en);
    }
  });

  it.each(['neck', 'shoulders', 'upper_back', 'mid_back', 'lower_back', 'hips_glutes', 'legs'])('the back view has region %s', (id) => {
    expect(BODY_MAP.views.back.regions.map((r) => r.id)).toContain(id);
  });

  it('every region id is drawn in at least one view, once per view', () => {
    for (const [, v] of views) expect(new Set(v.regions.map((r) => r.id)).size).toBe(v.regions.length);
    const drawn = new Set(views.flatMap(([, v]) => v.regions.map((r) => r.id)));
    expect([...drawn].sort()).toEqual([...BODY_MAP_REGION_IDS].sort());
  });

  it.each(paths)('%s uses only absolute M L Q C Z commands (pdf-lib draws them)', (_name, d) => {
    expect(d).toMatch(/^M[\s\d.MLQCZ-]*$/);
    expect(d).not.toMatch(/[a-z]/);
  });

  it.each(paths)('%s stays inside the viewBox', (_name, d) => {
    const numbers = (d.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);
    expect(numbers.length % 2).toBe(0);
    numbers.forEach((n, i) => {
      expect(n).toBeGreaterThanOrEqual(0);
      expect(n).toBeLessThanOrEqual(i % 2 === 0 ? BODY_MAP.viewBox.width : BODY_MAP.viewBox.height);
    });
  });

  it('every region has an English and Spanish label', () => {
    for (const [, v] of views) for (const r of v.regions) expect([r.label.en?.length ?? 0, r.label.es?.length ?? 0].every((n) => n > 0)).toBe(true);
  });
});
