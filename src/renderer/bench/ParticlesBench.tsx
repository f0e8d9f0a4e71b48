/**
 * A synthetic stage for `npm run bench`: N items moved every animation frame the way scenes
 * move theirs (a transient loop writing attributes, no React render per frame). Items are
 * drawn as one SVG path per colour group: N circles as N elements cost a style and layout
 * pass per element per frame, a path per group costs one. Reached only by
 * `#/_bench/particles?n=1000`; not listed in the sidebar.
 */
import { useEffect, useRef } from 'react';

const GROUPS = 12;
const R = 3;

/** Position of item i at `phase` seconds (both renderers move the same items). */
function position(i: number, phase: number): [number, number] {
  const angle = phase * (0.5 + (i % 7) * 0.1) + i;
  return [480 + Math.cos(angle) * (50 + (i % 300)), 270 + Math.sin(angle) * (30 + (i % 200))];
}

/** The same items drawn on a 2D canvas, for comparison with SVG. */
export function ParticlesCanvasBench({ count }: { count: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const element = canvas.current;
    const context = element?.getContext('2d');
    if (!element || !context) return;
    let handle = 0;
    const start = performance.now();
    const frame = (now: number) => {
      const scale = element.clientWidth / 960;
      if (element.width !== element.clientWidth) {
        element.width = element.clientWidth;
        element.height = element.clientHeight;
      }
      context.setTransform(scale, 0, 0, scale, 0, 0);
      context.clearRect(0, 0, 960, 540);
      const phase = (now - start) / 1000;
      for (let g = 0; g < GROUPS; g++) {
        context.fillStyle = `hsl(${(g * 360) / GROUPS} 70% 50%)`;
        context.beginPath();
        for (let i = g; i < count; i += GROUPS) {
          const [x, y] = position(i, phase);
          context.moveTo(x + R, y);
          context.arc(x, y, R, 0, 2 * Math.PI);
        }
        context.fill();
      }
      handle = requestAnimationFrame(frame);
    };
    handle = requestAnimationFrame(frame);
    return () => cancelAnimationFrame(handle);
  }, [count]);
  return <canvas ref={canvas} style={{ width: '100%', height: '100%', display: 'block' }} data-testid="bench.particles" data-count={count} />;
}

export function ParticlesBench({ count }: { count: number }) {
  const group = useRef<SVGGElement>(null);
  useEffect(() => {
    const paths = Array.from(group.current?.children ?? []) as SVGPathElement[];
    const parts: string[][] = Array.from({ length: GROUPS }, () => []);
    let handle = 0;
    const start = performance.now();
    const frame = (now: number) => {
      const phase = (now - start) / 1000;
      for (const part of parts) part.length = 0;
      for (let i = 0; i < count; i++) {
        const [x, y] = position(i, phase);
        // A circle as two arcs, starting at its left edge.
        parts[i % GROUPS]!.push(`M${(x - R).toFixed(1)} ${y.toFixed(1)}a${R} ${R} 0 1 0 ${2 * R} 0a${R} ${R} 0 1 0 ${-2 * R} 0`);
      }
      for (let g = 0; g < GROUPS; g++) paths[g]!.setAttribute('d', parts[g]!.join(''));
      handle = requestAnimationFrame(frame);
    };
    handle = requestAnimationFrame(frame);
    return () => cancelAnimationFrame(handle);
  }, [count]);
  return (
    <svg width="100%" height="100%" viewBox="0 0 960 540" data-testid="bench.particles" data-count={count}>
      <g ref={group}>
        {Array.from({ length: GROUPS }, (_, g) => (
          <path key={g} fill={`hsl(${(g * 360) / GROUPS} 70% 50%)`} />
        ))}
      </g>
    </svg>
  );
}
