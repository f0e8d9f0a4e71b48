/**
 * The command list shared by the renderer's registry (buttons, keys) and Electron's
 * application menu. The renderer attaches `run` to each id; the menu sends the id back as a
 * `menu.command` host event. One list, so a menu item and its shortcut can never disagree.
 */

export type CommandId =
  | 'timeline.playPause'
  | 'timeline.stepForward'
  | 'timeline.stepBack'
  | 'timeline.bigStepForward'
  | 'timeline.bigStepBack'
  | 'timeline.restart'
  | 'timeline.end'
  | 'timeline.faster'
  | 'timeline.slower'
  | 'view.presentation'
  | 'view.exitPresentation'
  | 'view.toggleTheme'
  | 'view.toggleMotion'
  | 'help.shortcuts'
  | 'measure.run'
  | 'measure.cancel'
  | 'file.scenarios'
  | 'file.open'
  | 'file.save'
  | 'file.share'
  | 'file.export'
  | 'lesson.toggle'
  | 'lesson.next'
  | 'lesson.previous'
  | 'annotate.pen'
  | 'annotate.clear';

export interface CommandSpec {
  readonly id: CommandId;
  readonly label: string;
  /** Keys as KeyboardEvent.key values, with an optional `Shift+` prefix. */
  readonly keys: readonly string[];
  /** Which application menu it appears in (desktop). */
  readonly menu: 'File' | 'Timeline' | 'View' | 'Lesson' | 'Measure' | 'Help';
  /** Electron accelerator for the menu, when it should show one. */
  readonly accelerator?: string;
}

export const COMMANDS: readonly CommandSpec[] = [
  { id: 'timeline.playPause', label: 'Play / Pause', keys: [' '], menu: 'Timeline', accelerator: 'Space' },
  { id: 'timeline.stepForward', label: 'Step forward', keys: ['ArrowRight'], menu: 'Timeline', accelerator: 'Right' },
  { id: 'timeline.stepBack', label: 'Step back', keys: ['ArrowLeft'], menu: 'Timeline', accelerator: 'Left' },
  { id: 'timeline.bigStepForward', label: 'Step forward ×10', keys: ['Shift+ArrowRight'], menu: 'Timeline', accelerator: 'Shift+Right' },
  { id: 'timeline.bigStepBack', label: 'Step back ×10', keys: ['Shift+ArrowLeft'], menu: 'Timeline', accelerator: 'Shift+Left' },
  { id: 'timeline.restart', label: 'Restart', keys: ['Home'], menu: 'Timeline', accelerator: 'Home' },
  { id: 'timeline.end', label: 'Go to the end', keys: ['End'], menu: 'Timeline', accelerator: 'End' },
  { id: 'timeline.faster', label: 'Faster', keys: ['+', '='], menu: 'Timeline', accelerator: 'Plus' },
  { id: 'timeline.slower', label: 'Slower', keys: ['-', '_'], menu: 'Timeline', accelerator: '-' },
  { id: 'view.presentation', label: 'Presentation mode', keys: ['f', 'F'], menu: 'View', accelerator: 'F' },
  { id: 'view.exitPresentation', label: 'Leave presentation mode', keys: ['Escape'], menu: 'View' },
  { id: 'view.toggleTheme', label: 'Light / dark theme', keys: ['t', 'T'], menu: 'View' },
  { id: 'view.toggleMotion', label: 'Animation on / off', keys: ['m', 'M'], menu: 'View' },
  { id: 'help.shortcuts', label: 'Keyboard shortcuts', keys: ['?'], menu: 'Help', accelerator: 'Shift+/' },
  { id: 'measure.run', label: 'Run the real measurement', keys: ['r', 'R'], menu: 'Measure' },
  { id: 'measure.cancel', label: 'Cancel the measurement', keys: [], menu: 'Measure' },
  { id: 'file.scenarios', label: 'Scenarios: save, open, recent, share…', keys: [], menu: 'File' },
  { id: 'file.open', label: 'Open scenario…', keys: ['o', 'O'], menu: 'File' },
  { id: 'file.save', label: 'Save scenario…', keys: ['s', 'S'], menu: 'File' },
  { id: 'file.share', label: 'Copy share link', keys: ['l', 'L'], menu: 'File' },
  { id: 'file.export', label: 'Export frame or animation…', keys: ['e', 'E'], menu: 'File' },
  { id: 'lesson.toggle', label: 'Lesson panel', keys: ['g', 'G'], menu: 'Lesson' },
  { id: 'lesson.next', label: 'Next lesson step', keys: ['PageDown'], menu: 'Lesson', accelerator: 'PageDown' },
  { id: 'lesson.previous', label: 'Previous lesson step', keys: ['PageUp'], menu: 'Lesson', accelerator: 'PageUp' },
  { id: 'annotate.pen', label: 'Pen on / off (presentation)', keys: ['p', 'P'], menu: 'View' },
  { id: 'annotate.clear', label: 'Clear the drawing', keys: ['c', 'C'], menu: 'View' },
];

export function isCommandId(value: string): value is CommandId {
  return COMMANDS.some((c) => c.id === value);
}
