/** The app's command handlers, bound once to the shared command list. */
import { CommandRegistry } from '../commands/registry';
import { store } from '../state/store';
import { BIG_STEP, changeSpeed, goToEnd, restart, stepBy, togglePlay } from './playback';
import { exitPresentation, toggleHelp, toggleMotion, togglePresentation, toggleTheme } from './view';
import { cancelMeasurement } from './measure';
import { findScene } from './sceneController';
import { copyShareLink, openScenarioDialog, saveScenario } from './scenario';
import { openExportDialog, openFileDialog } from './dialogs';
import { nextLessonStep, previousLessonStep, toggleLesson } from './lesson';
import { clearAnnotations, togglePen } from './annotations';

export const registry = new CommandRegistry({
  'timeline.playPause': togglePlay,
  'timeline.stepForward': () => stepBy(1),
  'timeline.stepBack': () => stepBy(-1),
  'timeline.bigStepForward': () => stepBy(BIG_STEP),
  'timeline.bigStepBack': () => stepBy(-BIG_STEP),
  'timeline.restart': restart,
  'timeline.end': goToEnd,
  'timeline.faster': () => changeSpeed(1),
  'timeline.slower': () => changeSpeed(-1),
  'view.presentation': togglePresentation,
  'view.exitPresentation': exitPresentation,
  'view.toggleTheme': toggleTheme,
  'view.toggleMotion': toggleMotion,
  'help.shortcuts': toggleHelp,
  'measure.run': () => findScene(store.getState().sceneId)?.runRealRun?.(),
  'measure.cancel': () => void cancelMeasurement(),
  'file.scenarios': openFileDialog,
  'file.open': () => void openScenarioDialog(),
  'file.save': () => void saveScenario(),
  'file.share': () => void copyShareLink(),
  'file.export': openExportDialog,
  'lesson.toggle': toggleLesson,
  'lesson.next': nextLessonStep,
  'lesson.previous': previousLessonStep,
  'annotate.pen': togglePen,
  'annotate.clear': clearAnnotations,
});
