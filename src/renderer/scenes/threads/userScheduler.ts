/**
 * "You are the scheduler": running one thread one micro-op is a new schedule (the steps so
 * far plus that thread) replayed by the model, with the playhead on its last step. Stepping
 * back and then picking another thread therefore rewrites history from that point.
 */
import { store } from '../../state/store';
import { setParam } from '../../controller/sceneController';
import { seekStep } from '../../controller/playback';
import { advancedSchedule } from './lesson';
import { threadsViewOf } from './stepReadout';

function whenLoaded(then: () => void): void {
  if (!store.getState().loading) {
    then();
    return;
  }
  const unsubscribe = store.subscribe((s) => {
    if (s.loading) return;
    unsubscribe();
    // After the loader's own move to step 0, which follows this very update.
    if (!s.loadError) queueMicrotask(then);
  });
}

function useSchedule(schedule: string): void {
  if (store.getState().params.scheduler !== 'user') setParam('scheduler', 'user');
  setParam('schedule', schedule);
}

/** Runs `thread` one micro-op from the current step; false if it cannot run now. */
export function advanceThread(thread: number): boolean {
  const s = store.getState();
  const view = threadsViewOf(s.frame);
  if (!view || s.loading || !view.runnable.includes(thread)) return false;
  useSchedule(advancedSchedule(view.schedule, thread));
  whenLoaded(() => seekStep(store.getState().times.length - 1));
  return true;
}

/** Loads a witness schedule and goes to its first step, for the student to step through. */
export function replaySchedule(schedule: readonly number[]): void {
  useSchedule(schedule.join(','));
  whenLoaded(() => seekStep(0));
}
