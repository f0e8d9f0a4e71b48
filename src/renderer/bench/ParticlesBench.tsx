/**
 * A synthetic stage for `npm run bench`: N SVG items moved every animation frame the way
 * scenes move theirs (attributes set from a transient loop, no React render per frame).
 * Reached only by `#/_bench/particles?n=1000`; not listed in the sidebar.
 */
import { useEffect, useRef } from 'react';

export function ParticlesBench({ count }: { count: number }) {
  const group = useRef<SVGGElement>(null);
  useEffect(() => {
    const circles = Array.from(group.current?.children ?? []) as SVGCircleElement[];
    let handle = 0;
    const start = performance.now();
    const frame = (now: number) => {
      const phase = (now - start) / 1000;
      for (let i = 0; i < circles.length; i++) {
        const angle = phase * (0.5 + (i % 7) * 0.1) + i;
        circles[i]!.setAttribute('cx', String(480 + Math.cos(angle) * (50 + (i % 300))));
        circles[i]!.setAttribute('cy', String(270 + Math.sin(angle) * (30 + (i % 200))));
      }
      handle = requestAnimationFrame(frame);
    };
    handle = requestAnimationFrame(frame);
    return () => cancelAnimationFrame(handle);
  }, [count]);
  return (
    <svg width="100%" height="100%" viewBox="0 0 960 540" data-testid="bench.particles">
      <g ref={group}>
        {Array.from({ length: count }, (_, i) => (
          <circle key={i} r={3} fill={`hsl(${(i * 37) % 360} 70% 50%)`} />
        ))}
      </g>
    </svg>
  );
}
