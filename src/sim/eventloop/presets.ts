/**
 * The scene's presets: the classic puzzles, then the modern examples (classes, generators,
 * async iteration, EventEmitter, timers/promises). Both lists are recorded corpora too.
 */
import { MODERN_PUZZLES } from './corpus/modernPuzzles';
import { PUZZLES, type Puzzle } from './corpus/puzzles';

/** Every preset, in menu order. */
export const SCENE_PRESETS: readonly Puzzle[] = [...PUZZLES, ...MODERN_PUZZLES];
