/** `body_map`: the areas the client taps on a front and back view of the body. */
import { z } from 'zod';
import { BODY_MAP_REGION_IDS, bodyMapRegionLabel } from '../body-map.ts';
import { questionBase } from '../fields.ts';
import { localize } from '../i18n.ts';
import type { DeepReadonly } from '../ids.ts';
import { checkIdList, isStringArray, normalizeIdList } from './shared.ts';
import type { QuestionTypeSpec } from './spec.ts';

export const bodyMapSchema = z.strictObject({
  ...questionBase,
  type: z.literal('body_map'),
  /** The regions offered; all regions of BODY_MAP when absent. */
  regions: z.array(z.enum(BODY_MAP_REGION_IDS)).min(1).optional(),
});
type BodyMapQuestion = DeepReadonly<z.output<typeof bodyMapSchema>>;

const ids = (q: BodyMapQuestion): readonly string[] => q.regions ?? BODY_MAP_REGION_IDS;

export const bodyMap = {
  label: 'Body map',
  valueKind: 'set',
  requiredMessage: 'required_body_map',
  check: (q, v) => checkIdList(v, ids(q)),
  normalize: (q, v) => normalizeIdList(v, ids(q)),
  format: (_q, v, ctx) => (isStringArray(v) ? v.map((id) => localize(bodyMapRegionLabel(id), ctx.lang, ctx.fallback) || id).join(', ') : null),
  optionIds: ids,
  draft: {
    defaults: () => ({}),
    fields: [],
    probe(raw) {
      const regions = Array.isArray(raw.regions) ? raw.regions.filter((r): r is string => typeof r === 'string') : [];
      return regions.length > 0 ? { regions: [...new Set(regions)] } : {};
    },
  },
} satisfies QuestionTypeSpec<BodyMapQuestion>;
