/**
 * Body-map geometry shared by the renderer (SVG) and the PDF (pdf-lib drawSvgPath).
 * Paths use absolute M, L, Q, C and Z commands only, so pdf-lib draws them unchanged.
 * Coordinates are in a 200 x 460 box, y growing downwards (SVG convention).
 */
import type { LocalizedText } from './text.ts';

/** Every region a body-map question can offer. */
export const BODY_MAP_REGION_IDS = [
  'head',
  'neck',
  'shoulders',
  'chest',
  'abdomen',
  'upper_back',
  'mid_back',
  'lower_back',
  'hips_glutes',
  'arms',
  'legs',
] as const;

/** A body-map region id (`lower_back`, `legs`...). */
export type BodyMapRegionId = (typeof BODY_MAP_REGION_IDS)[number];

/** One region of one view: an id, its name, and its outline as an SVG path. */
export interface BodyMapRegion {
  readonly id: BodyMapRegionId;
  readonly label: LocalizedText;
  readonly path: string;
}

/** One side of the body: the silhouette and the tappable regions drawn over it. */
export interface BodyMapView {
  readonly outline: string;
  readonly regions: ReadonlyArray<BodyMapRegion>;
}

const WIDTH = 200;
const HEIGHT = 460;

/** Mirrors an absolute path left-right: every command argument here is an x,y pair. */
function mirror(d: string): string {
  let index = 0;
  return d.replace(/-?\d+(?:\.\d+)?/g, (n) => {
    const value = Number(n);
    const out = index % 2 === 0 ? WIDTH - value : value;
    index += 1;
    return String(Math.round(out * 100) / 100);
  });
}

/** Both halves of a symmetric region in one path (two closed sub-paths). */
function pair(leftHalf: string): string {
  return `${leftHalf} ${mirror(leftHalf)}`;
}

const HEAD = 'M 100 11 C 113 11 122 22 122 38 C 122 54 113 65 100 65 C 87 65 78 54 78 38 C 78 22 87 11 100 11 Z';

// Left half of the silhouette from the neck down to the crotch; the right half is its mirror.
const BODY_LEFT =
  'M 100 63 L 91 63 L 91 78 Q 84 84 62 86 Q 46 88 44 104 L 34 200 L 28 290 Q 30 304 38 306 Q 46 304 46 290 ' +
  'L 52 200 L 62 122 L 66 230 Q 60 255 62 285 L 66 360 L 70 440 Q 72 450 84 450 Q 92 450 90 440 L 92 360 L 97 300 L 100 294';

function silhouette(): string {
  // Walk the left half down, then the mirrored right half back up, as one closed path.
  const left = BODY_LEFT;
  const rightReversed =
    'L 103 300 L 108 360 L 110 440 Q 108 450 116 450 Q 128 450 130 440 L 134 360 L 138 285 Q 140 255 134 230 ' +
    'L 138 122 L 148 200 L 154 290 Q 154 304 162 306 Q 170 304 172 290 L 166 200 L 156 104 Q 154 88 138 86 ' +
    'Q 116 84 109 78 L 109 63 Z';
  return `${HEAD} ${left} ${rightReversed}`;
}

const OUTLINE = silhouette();

const SHARED = {
  head: HEAD,
  neck: 'M 91 63 L 109 63 L 109 80 L 91 80 Z',
  shoulders: pair('M 91 80 Q 84 84 62 86 Q 46 88 44 104 L 60 112 L 70 100 L 100 100 L 100 80 Z'),
  arms: pair('M 44 104 L 60 112 L 62 122 L 52 200 L 46 290 Q 46 304 38 306 Q 30 304 28 290 L 34 200 Z'),
  legs: pair('M 63 300 Q 82 306 98 299 L 92 360 L 90 440 Q 92 450 84 450 Q 72 450 70 440 L 66 360 Z'),
  hips: 'M 66 232 L 134 232 Q 140 255 138 285 L 137 300 Q 118 306 100 298 Q 82 306 63 300 L 62 285 Q 60 255 66 232 Z',
} as const;

const LABELS: Readonly<Record<BodyMapRegionId, LocalizedText>> = {
  head: { en: 'Head', es: 'Cabeza', fr: 'Tête', zh: '头部', vi: 'Đầu', ko: '머리', ar: 'الرأس', ru: 'Голова' },
  neck: { en: 'Neck', es: 'Cuello', fr: 'Cou', zh: '颈部', vi: 'Cổ', ko: '목', ar: 'الرقبة', ru: 'Шея' },
  shoulders: { en: 'Shoulders', es: 'Hombros', fr: 'Épaules', zh: '肩部', vi: 'Vai', ko: '어깨', ar: 'الكتفان', ru: 'Плечи' },
  chest: { en: 'Chest', es: 'Pecho', fr: 'Poitrine', zh: '胸部', vi: 'Ngực', ko: '가슴', ar: 'الصدر', ru: 'Грудь' },
  abdomen: { en: 'Abdomen', es: 'Abdomen', fr: 'Abdomen', zh: '腹部', vi: 'Bụng', ko: '복부', ar: 'البطن', ru: 'Живот' },
  upper_back: { en: 'Upper back', es: 'Parte alta de la espalda', fr: 'Haut du dos', zh: '上背部', vi: 'Lưng trên', ko: '등 위쪽', ar: 'أعلى الظهر', ru: 'Верхняя часть спины' },
  mid_back: { en: 'Middle back', es: 'Parte media de la espalda', fr: 'Milieu du dos', zh: '中背部', vi: 'Lưng giữa', ko: '등 가운데', ar: 'وسط الظهر', ru: 'Средняя часть спины' },
  lower_back: { en: 'Lower back', es: 'Parte baja de la espalda', fr: 'Bas du dos', zh: '下背部', vi: 'Lưng dưới', ko: '허리', ar: 'أسفل الظهر', ru: 'Поясница' },
  hips_glutes: { en: 'Hips and buttocks', es: 'Caderas y glúteos', fr: 'Hanches et fessiers', zh: '髋部和臀部', vi: 'Hông và mông', ko: '엉덩이와 골반', ar: 'الوركان والأرداف', ru: 'Бёдра и ягодицы' },
  arms: { en: 'Arms', es: 'Brazos', fr: 'Bras', zh: '手臂', vi: 'Cánh tay', ko: '팔', ar: 'الذراعان', ru: 'Руки' },
  legs: { en: 'Legs', es: 'Piernas', fr: 'Jambes', zh: '腿部', vi: 'Chân', ko: '다리', ar: 'الساقان', ru: 'Ноги' },
};

function region(id: BodyMapRegionId, path: string): BodyMapRegion {
  return { id, label: LABELS[id], path };
}

/** The body map: a front and a back view over one viewBox. */
export const BODY_MAP: {
  readonly viewBox: { readonly width: number; readonly height: number };
  readonly views: { readonly front: BodyMapView; readonly back: BodyMapView };
} = {
  viewBox: { width: WIDTH, height: HEIGHT },
  views: {
    front: {
      outline: OUTLINE,
      regions: [
        region('head', SHARED.head),
        region('neck', SHARED.neck),
        region('shoulders', SHARED.shoulders),
        region('chest', 'M 70 100 L 130 100 L 140 112 L 137 165 L 63 165 L 60 112 Z'),
        region('abdomen', 'M 63 165 L 137 165 L 134 232 L 66 232 Z'),
        region('hips_glutes', SHARED.hips),
        region('arms', SHARED.arms),
        region('legs', SHARED.legs),
      ],
    },
    back: {
      outline: OUTLINE,
      regions: [
        region('head', SHARED.head),
        region('neck', SHARED.neck),
        region('shoulders', SHARED.shoulders),
        region('upper_back', 'M 70 100 L 130 100 L 140 112 L 137 150 L 63 150 L 60 112 Z'),
        region('mid_back', 'M 63 150 L 137 150 L 135.5 195 L 64.5 195 Z'),
        region('lower_back', 'M 64.5 195 L 135.5 195 L 134 232 L 66 232 Z'),
        region('hips_glutes', SHARED.hips),
        region('arms', SHARED.arms),
        region('legs', SHARED.legs),
      ],
    },
  },
};

/** The label of a region, or undefined for an unknown id. */
export function bodyMapRegionLabel(id: string): LocalizedText | undefined {
  return (LABELS as Readonly<Record<string, LocalizedText>>)[id];
}

/** Whether a string is a known region id. */
export function isBodyMapRegionId(id: string): id is BodyMapRegionId {
  return (BODY_MAP_REGION_IDS as readonly string[]).includes(id);
}
