/**
 * Exports: the frame on screen (PNG at 2×, SVG where the stage is SVG), the run's counters
 * (CSV), and the animation between two steps (GIF, WebM). Animations are deterministic: the
 * playhead is moved step by step with `seekStep`, each frame waited for, then drawn — wall
 * time never enters. Motion is off while exporting so no transition is caught half-way.
 */
import { store } from '../state/store';
import { findScene } from './sceneController';
import { frameAt, pause, seekStep } from './playback';
import { saveBlob, saveText } from './files';
import { canvasBlob, mainStageSvg, stageCanvas, svgDocument } from '../export/capture';
import { countsCsv, sampleSteps } from '../export/csv';
import type { createWebmWriter } from '../export/webm';

/** Most frames one animation export takes (a GIF of more is unwieldy on a slide); longer ranges are sampled. */
export const MAX_EXPORT_FRAMES = 600;
const CSV_MAX_ROWS = 2000;

/** Record counts as `records_<kind>` columns, apart from the scene's own. */
function prefixed(counts: Readonly<Record<string, number>>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).map(([kind, n]) => [`records_${kind}`, n]));
}

let cancelled = false;

function baseName(): string {
  const s = store.getState();
  return `${s.sceneId ?? 'nanoscope'}-seed-${s.seed}-step-${s.step}`;
}

function fail(error: unknown): void {
  store.setState({ exportMessage: { kind: 'error', text: error instanceof Error ? error.message : String(error) } });
}

function done(name: string, saved: boolean): void {
  store.setState({ exportMessage: saved ? { kind: 'info', text: `Exported ${name}.` } : null });
}

export async function exportPng(): Promise<void> {
  try {
    const name = `${baseName()}@2x.png`;
    done(name, await saveBlob(name, await canvasBlob(await stageCanvas(2)), [{ name: 'PNG image', extensions: ['png'] }]));
  } catch (error) {
    fail(error);
  }
}

export function stageIsSvg(): boolean {
  return mainStageSvg() !== null;
}

export async function exportSvg(): Promise<void> {
  const svg = mainStageSvg();
  if (!svg) return fail(new Error('This stage is not drawn as one SVG; export a PNG instead.'));
  try {
    const name = `${baseName()}.svg`;
    done(name, await saveText(name, svgDocument(svg), 'image/svg+xml', [{ name: 'SVG image', extensions: ['svg'] }]));
  } catch (error) {
    fail(error);
  }
}

/** The scene's chart values and record counts at every step (sampled evenly past 2,000 steps) as CSV. */
export async function exportCsv(): Promise<void> {
  try {
    const { times, sceneId } = store.getState();
    const chartRow = findScene(sceneId)?.chartRow;
    const rows = [];
    for (const step of sampleSteps(times.length - 1, CSV_MAX_ROWS)) {
      const frame = await frameAt(step);
      rows.push({ step: frame.step, t: frame.t, counts: { ...(chartRow?.(frame) ?? {}), ...prefixed(frame.counts) } });
    }
    const name = `${baseName()}.csv`;
    done(name, await saveText(name, countsCsv(rows), 'text/csv', [{ name: 'CSV', extensions: ['csv'] }]));
  } catch (error) {
    fail(error);
  }
}

/** Resolves once the frame of `step` is in the store and has been painted. */
function frameShown(step: number): Promise<void> {
  return new Promise((resolve) => {
    const ready = () => {
      const s = store.getState();
      return !s.loading && s.frame?.step === step;
    };
    const painted = () => requestAnimationFrame(() => requestAnimationFrame(() => resolve()));
    if (ready()) return painted();
    const unsubscribe = store.subscribe(() => {
      if (!ready()) return;
      unsubscribe();
      painted();
    });
  });
}

export interface AnimationRequest {
  readonly kind: 'gif' | 'webm';
  readonly from: number;
  readonly to: number;
  readonly fps: number;
  /** Pixel ratio of the frames; 1 keeps GIFs small. */
  readonly scale: number;
}

/** Checks the range against the run; returns a message or null. */
export function checkAnimation(request: AnimationRequest): string | null {
  const last = store.getState().times.length - 1;
  if (!Number.isInteger(request.from) || !Number.isInteger(request.to) || request.from < 0 || request.to > last || request.from > request.to) {
    return `The steps must be whole numbers with 0 ≤ from ≤ to ≤ ${last}.`;
  }
  if (!(request.fps >= 1 && request.fps <= 60)) return 'Frames per second must be from 1 to 60.';
  return null;
}

export async function exportAnimation(request: AnimationRequest): Promise<void> {
  const problem = checkAnimation(request);
  if (problem) return fail(new Error(problem));
  const scene = findScene(store.getState().sceneId);
  if (!scene || store.getState().exportJob) return;
  pause();
  cancelled = false;
  const before = { step: store.getState().step, t: store.getState().t, motion: store.getState().motion };
  // One frame per step; a longer range is sampled evenly, both ends kept.
  const steps = sampleSteps(request.to - request.from, MAX_EXPORT_FRAMES).map((i) => request.from + i);
  const total = steps.length;
  const label = request.kind === 'gif' ? 'GIF' : 'WebM';
  store.setState({ motion: false, exportMessage: null, exportJob: { label, done: 0, total } });
  let webm: ReturnType<typeof createWebmWriter> | null = null;
  try {
    // The encoders are their own chunks: most sessions never export a video.
    const [{ createGifWriter }, { createWebmWriter, evenSize, webmSupport }] = await Promise.all([import('../export/gif'), import('../export/webm')]);
    const gif = request.kind === 'gif' ? createGifWriter(Math.round(1000 / request.fps)) : null;
    for (let i = 0; i < total && !cancelled; i++) {
      const step = steps[i]!;
      seekStep(step);
      await frameShown(step);
      const canvas = await stageCanvas(request.scale);
      if (gif) {
        const context = canvas.getContext('2d')!;
        gif.add(context.getImageData(0, 0, canvas.width, canvas.height));
      } else {
        if (!webm) {
          const size = evenSize(canvas.width, canvas.height);
          const support = await webmSupport(size.width, size.height);
          if (!support.ok) throw new Error(support.reason);
          webm = createWebmWriter(support.codec, size.width, size.height, request.fps);
        }
        await webm.add(canvas);
      }
      store.setState({ exportJob: { label, done: i + 1, total } });
    }
    if (cancelled) {
      webm?.abort();
      store.setState({ exportMessage: { kind: 'info', text: `${label} export cancelled.` } });
      return;
    }
    const name = `${scene.id}-seed-${store.getState().seed}-steps-${request.from}-${request.to}.${request.kind}`;
    const bytes = gif ? gif.finish() : await webm!.finish();
    const type = request.kind === 'gif' ? 'image/gif' : 'video/webm';
    const saved = await saveBlob(name, new Blob([bytes as BlobPart], { type }), [{ name: label, extensions: [request.kind] }]);
    store.setState({ exportMessage: saved ? { kind: 'info', text: `Exported ${name} (${total} frames).` } : null });
  } catch (error) {
    webm?.abort();
    fail(error);
  } finally {
    store.setState({ exportJob: null, motion: before.motion });
    seekStep(before.step, before.t);
  }
}

export function cancelExport(): void {
  cancelled = true;
}
