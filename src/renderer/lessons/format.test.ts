import { describe, expect, it } from 'vitest';
import { manifestById, SCENE_IDS } from '../../sim/manifests';
import { parseLesson, validateLesson } from './format';
import type { SceneCatalog } from '../scenario/format';

const catalog: SceneCatalog = {
  ids: [...SCENE_IDS],
  paramIssues: (id, params) => manifestById(id)?.parseParams(params).ignored ?? [],
};
// The same glob the app uses, as raw text: the files are checked as a teacher's file would be.
const sources = import.meta.glob<string>('./*.lesson.json', { eager: true, query: '?raw', import: 'default' });
const files = Object.keys(sources).map((path) => path.replace('./', ''));

describe('lesson files', () => {
  it('every scene of the registry has exactly one built-in lesson, named after it', () => {
    expect(files.map((f) => f.replace('.lesson.json', '')).sort()).toEqual([...SCENE_IDS].sort());
  });

  it.each(files)('%s is valid and is for the scene it is named after', (file) => {
    const check = parseLesson(sources[`./${file}`]!, catalog);
    if (!check.ok) throw new Error(check.message);
    expect(check.lesson.scene).toBe(file.replace('.lesson.json', ''));
    expect(check.lesson.steps.length).toBeGreaterThanOrEqual(3);
    expect(check.lesson.steps.some((s) => s.question)).toBe(true);
  });

  it('names the bad field of a teacher’s file', () => {
    const good = { format: 'nanoscope.lesson', version: 1, scene: 'threads', title: 'Races', steps: [{ title: 'One', text: 'Two threads.', params: { threads: '2' }, time: { step: 0 } }] };
    const step = good.steps[0]!;
    const cases: [unknown, string][] = [
      [{ ...good, format: 'lesson' }, 'format: expected "nanoscope.lesson", got "lesson"'],
      [{ ...good, version: 3 }, 'version: this lesson needs a newer Nanoscope (format version 3; this one reads up to 1)'],
      [{ ...good, scene: 'simd-someday' }, 'scene: expected one of latency-ladder'],
      [{ ...good, steps: [] }, 'steps: expected a list of 1 to 100 steps'],
      [{ ...good, steps: [{ ...step, params: { threads: 'lots' } }] }, 'steps[0].params.threads: '],
      [{ ...good, steps: [step, { ...step, params: { threads: 2 } }] }, 'steps[1].params.threads: expected a string, got 2'],
      [{ ...good, steps: [{ ...step, time: { step: -1 } }] }, 'steps[0].time: expected "end", { "step": n ≥ 0 } or { "t": ns ≥ 0 }, got {"step":-1}'],
      [{ ...good, steps: [{ ...step, title: '' }] }, 'steps[0].title: expected text of 1 to 120 characters, got ""'],
      [{ ...good, steps: [{ ...step, question: { prompt: 'Which value?' } }] }, 'steps[0].question.answer: expected text of 1 to 600 characters, got nothing'],
      [{ ...good, steps: [{ ...step, seed: 1.5 }] }, 'steps[0].seed: expected a whole number from 0 to 4294967295, got 1.5'],
    ];
    for (const [raw, message] of cases) {
      const check = validateLesson(raw, catalog);
      expect(check.ok ? '' : check.message).toContain(message);
    }
    expect(validateLesson(good, catalog)).toEqual({ ok: true, lesson: { ...good, steps: [{ ...step, time: { step: 0 } }] } });
    expect(parseLesson('{ nope', catalog).ok).toBe(false);
  });
});
