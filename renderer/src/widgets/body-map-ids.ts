import { BODY_MAP } from '../../../forms/engine/index.ts';

/** Every region id the body map draws, front then back, each once. */
export const BODY_MAP_IDS: readonly string[] = [...new Set([...BODY_MAP.views.front.regions, ...BODY_MAP.views.back.regions].map((r) => r.id))];
