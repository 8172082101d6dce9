import { useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import SignaturePad from 'signature_pad';
import type { SignatureValue } from '../../../forms/engine/index.ts';
import { toPointGroups, toSignatureValue } from '../lib/signature.ts';

interface SignaturePadFieldProps {
  readonly id: string;
  readonly value: SignatureValue | null;
  readonly onChange: (value: SignatureValue | undefined) => void;
  readonly describedBy: string | undefined;
  readonly invalid: boolean;
  readonly labelId: string;
}

/**
 * Drawn signature kept as vectors (signature_pad's point groups, in CSS pixels), with
 * clear and undo. The canvas backing store is sized by devicePixelRatio so strokes stay
 * sharp on high-DPI screens.
 */
export function SignaturePadField({ id, value, onChange, describedBy, invalid, labelId }: SignaturePadFieldProps) {
  const { t } = useTranslation();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const padRef = useRef<SignaturePad | null>(null);
  const valueRef = useRef(value);
  const changeRef = useRef(onChange);

  useEffect(() => {
    valueRef.current = value;
    changeRef.current = onChange;
  }, [value, onChange]);

  const emit = useCallback(() => {
    const pad = padRef.current;
    const canvas = canvasRef.current;
    if (!pad || !canvas) return;
    const groups = pad.toData();
    changeRef.current(groups.length === 0 ? undefined : toSignatureValue(groups, canvas.offsetWidth, canvas.offsetHeight));
  }, []);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const pad = new SignaturePad(canvas, { penColor: '#111111', minWidth: 1.2, maxWidth: 3.2, backgroundColor: 'rgba(0,0,0,0)' });
    padRef.current = pad;
    let sized = '';
    const resize = () => {
      const ratio = Math.max(window.devicePixelRatio || 1, 1);
      const width = Math.round(canvas.offsetWidth * ratio);
      const height = Math.round(canvas.offsetHeight * ratio);
      // The observer's first call reports the size set just below: a new backing store (and a
      // clear and redraw) for the same size would only cost the step's first frame.
      const size = `${width}x${height}@${ratio}`;
      if (size === sized) return;
      sized = size;
      canvas.width = width;
      canvas.height = height;
      canvas.getContext('2d')?.scale(ratio, ratio);
      // Resizing clears the canvas: redraw what the client already signed.
      const kept = valueRef.current;
      if (kept) pad.fromData(toPointGroups(kept).map((g) => ({ ...g, ...penOptions(pad) })));
      else pad.clear();
    };
    resize();
    const observer = new ResizeObserver(resize);
    observer.observe(canvas);
    pad.addEventListener('endStroke', emit);
    return () => {
      observer.disconnect();
      pad.removeEventListener('endStroke', emit);
      pad.off();
      pad.clear();
      padRef.current = null;
    };
  }, [emit]);

  const clear = () => {
    padRef.current?.clear();
    changeRef.current(undefined);
  };
  const undo = () => {
    const pad = padRef.current;
    if (!pad) return;
    const groups = pad.toData();
    groups.pop();
    pad.fromData(groups);
    emit();
  };

  const hasStrokes = (value?.strokes.length ?? 0) > 0;
  return (
    <div className="signature">
      <div className={`signature-box${invalid ? ' invalid' : ''}`}>
        <canvas
          ref={canvasRef}
          id={id}
          className="signature-canvas"
          role="img"
          aria-labelledby={labelId}
          aria-describedby={[`${id}-pad-hint`, describedBy].filter(Boolean).join(' ')}
          aria-invalid={invalid || undefined}
          data-testid="signature-canvas"
        />
        <span className="signature-line" aria-hidden="true">
          ✕ {t('signature.hint')}
        </span>
      </div>
      <p id={`${id}-pad-hint`} className="visually-hidden">
        {t('signature.padLabel')}
      </p>
      <p className="visually-hidden" aria-live="polite">
        {hasStrokes ? t('signature.signed') : ''}
      </p>
      <div className="signature-actions">
        <button type="button" className="button secondary" onClick={undo} disabled={!hasStrokes}>
          ↶ {t('signature.undo')}
        </button>
        <button type="button" className="button secondary" onClick={clear} disabled={!hasStrokes}>
          ✕ {t('signature.clear')}
        </button>
      </div>
    </div>
  );
}

function penOptions(pad: SignaturePad) {
  return {
    dotSize: pad.dotSize,
    minWidth: pad.minWidth,
    maxWidth: pad.maxWidth,
    penColor: pad.penColor,
    velocityFilterWeight: pad.velocityFilterWeight,
    compositeOperation: pad.compositeOperation,
  };
}
