/**
 * Pictures of the stage: a canvas at a pixel ratio (html-to-image: the DOM is cloned with its
 * computed styles into an SVG foreignObject and drawn), and a standalone SVG of the stage's
 * main chart where the stage draws one. Elements marked `data-export="skip"` are left out
 * (the pointer highlight).
 */

const STYLE_PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'visibility',
  'display',
] as const;

export function stageElement(): HTMLElement | null {
  return document.querySelector<HTMLElement>('[data-testid="stage"]');
}

function background(): string {
  return getComputedStyle(document.documentElement).getPropertyValue('--bg').trim() || '#ffffff';
}

const keep = (node: HTMLElement) => !(node instanceof Element && node.getAttribute?.('data-export') === 'skip');

function presentationStyle(element: Element): string {
  const computed = getComputedStyle(element);
  return STYLE_PROPS.map((p) => `${p}:${computed.getPropertyValue(p)}`).join(';');
}

/**
 * html-to-image copies computed styles onto HTML elements but clones an <svg> whole, so the
 * stylesheet's fills and fonts would be lost inside it. For the duration of the capture, each
 * SVG element carries its computed presentation styles inline; the original attributes return after.
 */
async function withInlineSvgStyles<T>(root: HTMLElement, capture: () => Promise<T>): Promise<T> {
  const saved: [Element, string | null][] = [];
  for (const element of root.querySelectorAll('svg *')) {
    saved.push([element, element.getAttribute('style')]);
  }
  const styles = saved.map(([element, own]) => `${presentationStyle(element)}${own ? `;${own}` : ''}`);
  saved.forEach(([element], i) => element.setAttribute('style', styles[i]!));
  try {
    return await capture();
  } finally {
    for (const [element, own] of saved) {
      if (own === null) element.removeAttribute('style');
      else element.setAttribute('style', own);
    }
  }
}

/** The stage drawn on a canvas at `pixelRatio` × its CSS size. */
export async function stageCanvas(pixelRatio: number): Promise<HTMLCanvasElement> {
  const stage = stageElement();
  if (!stage) throw new Error('No stage to export.');
  // html-to-image loads with the first picture, not with the app.
  const { toCanvas } = await import('html-to-image');
  return withInlineSvgStyles(stage, () => toCanvas(stage, { pixelRatio, backgroundColor: background(), filter: keep, skipFonts: true, cacheBust: false }));
}

export function canvasBlob(canvas: HTMLCanvasElement, type = 'image/png'): Promise<Blob> {
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The canvas could not be encoded.'))), type));
}

/** The stage's SVG when the stage is essentially one (icons and the annotation layer aside), else null. */
export function mainStageSvg(): SVGSVGElement | null {
  const stage = stageElement();
  if (!stage) return null;
  let best: SVGSVGElement | null = null;
  let bestArea = 0;
  for (const svg of stage.querySelectorAll<SVGSVGElement>('svg')) {
    if (svg.closest('[data-testid="annotations"]') || svg.getAttribute('aria-hidden') === 'true') continue;
    const box = svg.getBoundingClientRect();
    if (box.width * box.height > bestArea) {
      best = svg;
      bestArea = box.width * box.height;
    }
  }
  // Only when one SVG is the stage (half its area or more): an SVG of one part would mislead.
  const box = stage.getBoundingClientRect();
  return bestArea >= 0.5 * box.width * box.height ? best : null;
}

/** A standalone SVG document: computed presentation styles inlined, the theme's background behind. */
export function svgDocument(svg: SVGSVGElement): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const source = [svg, ...svg.querySelectorAll('*')];
  const target = [clone, ...clone.querySelectorAll('*')];
  source.forEach((element, i) => {
    target[i]!.setAttribute('style', presentationStyle(element));
    target[i]!.removeAttribute('class');
  });
  const box = svg.getBoundingClientRect();
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(Math.round(box.width)));
  clone.setAttribute('height', String(Math.round(box.height)));
  const rect = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  rect.setAttribute('width', '100%');
  rect.setAttribute('height', '100%');
  rect.setAttribute('fill', background());
  clone.insertBefore(rect, clone.firstChild);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}\n`;
}
