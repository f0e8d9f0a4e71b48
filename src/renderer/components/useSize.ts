/** An element's size and font size, kept current by a ResizeObserver (stages lay out in pixels). */
import { useLayoutEffect, useRef, useState } from 'react';

export function useSize<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [size, setSize] = useState({ width: 800, height: 500, font: 16 });
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => {
      const font = parseFloat(getComputedStyle(element).fontSize) || 16;
      setSize({ width: element.clientWidth, height: element.clientHeight, font });
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, size] as const;
}
