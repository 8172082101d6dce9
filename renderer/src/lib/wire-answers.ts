import type { Request } from '../../../api/contract.ts';
import type { AnswerValue, Answers } from '../../../forms/engine/index.ts';

type WireAnswers = Request<'intake:submit'>['answers'];
type WireValue = WireAnswers[string];

/**
 * The session's readonly answers as the contract's (mutable) payload shape: a plain copy,
 * so nothing the bridge does can touch the session's own state.
 */
export function toWireAnswers(answers: Answers): WireAnswers {
  const out: WireAnswers = {};
  for (const [id, value] of Object.entries(answers)) out[id] = toWireValue(value);
  return out;
}

function toWireValue(value: AnswerValue): WireValue {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return [...(value as readonly string[])];
  const signature = value as Exclude<AnswerValue, string | number | boolean | null | readonly string[]>;
  return {
    width: signature.width,
    height: signature.height,
    strokes: signature.strokes.map((stroke) => stroke.map((p) => ({ x: p.x, y: p.y, t: p.t }))),
  };
}
