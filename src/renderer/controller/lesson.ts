/**
 * Guided lessons: one built-in data file per scene (`lessons/<scene>.lesson.json`, found by
 * glob so a new scene needs only its file), or a teacher's own file. Next/previous apply a
 * step's parameters and timeline position through the same path as a scenario.
 */
import { store } from '../state/store';
import { parseLesson, validateLesson, type Lesson, type LessonTime } from '../lessons/format';
import { SCENARIO_FORMAT, SCENARIO_VERSION } from '../scenario/format';
import { stepAtTime } from '../engine/playhead';
import { findScene, sceneCatalog } from './sceneController';
import { applyScenario } from './scenario';

const files = import.meta.glob<unknown>('../lessons/*.lesson.json', { eager: true, import: 'default' });
let builtIn: Map<string, Lesson> | null = null;

/** The built-in lessons by scene id; a broken built-in file is a bug, reported once in the console. */
export function builtInLessons(): Map<string, Lesson> {
  if (builtIn) return builtIn;
  builtIn = new Map();
  for (const [path, raw] of Object.entries(files)) {
    const check = validateLesson(raw, sceneCatalog());
    if (check.ok) builtIn.set(check.lesson.scene, check.lesson);
    else console.error(`${path}: ${check.message}`);
  }
  return builtIn;
}

/** The lesson for the scene on screen: the teacher's, when one is loaded for it, else the built-in one. */
export function currentLesson(): Lesson | null {
  const { sceneId, customLesson } = store.getState();
  const custom = customLesson;
  if (custom && custom.scene === sceneId) return custom;
  return sceneId ? (builtInLessons().get(sceneId) ?? null) : null;
}

/** The event index a lesson time names in the current run. */
export function lessonTimeStep(time: LessonTime): number {
  const { times } = store.getState();
  if (time === 'end') return times.length - 1;
  if ('step' in time) return Math.min(time.step, times.length - 1);
  return time.t <= 0 ? 0 : stepAtTime(times, time.t);
}

export function goToLessonStep(index: number, lesson: Lesson | null = currentLesson()): void {
  const step = lesson?.steps[index];
  if (!lesson || !step || !findScene(lesson.scene)) return;
  const time = step.time;
  applyScenario({
    format: SCENARIO_FORMAT,
    version: SCENARIO_VERSION,
    scene: lesson.scene,
    params: step.params,
    seed: step.seed ?? 1,
    // "end" asks for an event past any run: the playhead stops at the last one.
    timeline: { t: time !== 'end' && 't' in time ? time.t : 0, step: time === 'end' ? 2 ** 31 : 'step' in time ? time.step : null, scale: store.getState().scale },
    hardware: null,
    code: null,
  });
  store.setState({ lessonOpen: true, lessonStep: index });
}

/** Leaving the lesson's scene ends the lesson's place in it. */
store.subscribe((state, prev) => {
  if (state.sceneId !== prev.sceneId && state.lessonStep !== -1) store.setState({ lessonStep: -1 });
});

export function nextLessonStep(): void {
  const lesson = currentLesson();
  if (!lesson) return;
  const { lessonStep, lessonOpen } = store.getState();
  goToLessonStep(!lessonOpen && lessonStep >= 0 ? lessonStep : Math.min(lesson.steps.length - 1, lessonStep + 1));
}

export function previousLessonStep(): void {
  if (!currentLesson()) return;
  goToLessonStep(Math.max(0, store.getState().lessonStep - 1));
}

export function toggleLesson(): void {
  store.setState({ lessonOpen: !store.getState().lessonOpen });
}

/** Loads a teacher's lesson file; errors name the field. Opens its scene at the first step. */
export function loadLessonText(name: string, source: string): boolean {
  const check = parseLesson(source, sceneCatalog());
  if (!check.ok) {
    store.setState({ lessonOpen: true, lessonError: `${name} was not loaded — ${check.message}` });
    return false;
  }
  store.setState({ customLesson: check.lesson, lessonError: null, lessonStep: -1 });
  goToLessonStep(0, check.lesson);
  return true;
}

export async function loadLessonFile(file: File): Promise<boolean> {
  if (file.size > 1024 * 1024) {
    store.setState({ lessonOpen: true, lessonError: `${file.name} was not loaded — (file): larger than 1024 KiB, not a lesson` });
    return false;
  }
  return loadLessonText(file.name, await file.text());
}

export function forgetCustomLesson(): void {
  store.setState({ customLesson: null, lessonError: null, lessonStep: -1 });
}
