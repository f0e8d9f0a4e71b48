/**
 * Presentation-mode annotations over the stage: a soft highlight that follows the pointer,
 * and pen strokes while the pen is on (P; C clears; Esc puts the pen away). Strokes are drawn
 * in stage pixels, so a frame exported while they are on shows them too.
 */
import { useEffect, useReducer, useRef, useState, type PointerEvent } from 'react';
import { useApp } from '../state/store';
import { beginStroke, extendStroke, getStrokes, onStrokes } from '../controller/annotations';

function pathOf(points: readonly { x: number; y: number }[]): string {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join('');
}

export function AnnotationLayer() {
  const presenting = useApp((s) => s.presenting);
  const pen = useApp((s) => s.pen);
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  const [pointer, setPointer] = useState<{ x: number; y: number } | null>(null);
  const drawing = useRef(false);
  const boxRef = useRef<SVGSVGElement>(null);
  useEffect(() => onStrokes(redraw), []);
  // The highlight follows the pointer over the stage without taking its clicks (pointer-events: none unless the pen is on).
  useEffect(() => {
    if (!presenting) return;
    const move = (e: globalThis.PointerEvent) => {
      const box = boxRef.current?.getBoundingClientRect();
      if (!box) return;
      const inside = e.clientX >= box.left && e.clientX <= box.right && e.clientY >= box.top && e.clientY <= box.bottom;
      setPointer(inside ? { x: e.clientX - box.left, y: e.clientY - box.top } : null);
    };
    document.addEventListener('pointermove', move);
    return () => document.removeEventListener('pointermove', move);
  }, [presenting]);
  if (!presenting) return null;

  const at = (e: PointerEvent<SVGSVGElement>) => {
    const box = boxRef.current!.getBoundingClientRect();
    return { x: e.clientX - box.left, y: e.clientY - box.top };
  };
  const strokes = getStrokes();
  return (
    <svg
      ref={boxRef}
      className={`annotations${pen ? ' pen' : ''}`}
      data-testid="annotations"
      aria-hidden="true"
      onPointerMove={(e) => {
        if (!drawing.current) return;
        const p = at(e);
        extendStroke(p.x, p.y);
      }}
      onPointerDown={(e) => {
        if (!pen) return;
        drawing.current = true;
        e.currentTarget.setPointerCapture(e.pointerId);
        const p = at(e);
        beginStroke(p.x, p.y);
      }}
      onPointerUp={() => {
        drawing.current = false;
      }}
    >
      {strokes.map((stroke, i) => (
        <path key={i} className="pen-stroke" d={pathOf(stroke)} data-testid="annotations.stroke" />
      ))}
      {pointer && !pen && <circle className="pointer-highlight" cx={pointer.x} cy={pointer.y} r={28} data-export="skip" />}
      {pointer && pen && <circle className="pen-tip" cx={pointer.x} cy={pointer.y} r={5} data-export="skip" />}
    </svg>
  );
}
