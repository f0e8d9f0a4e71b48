/** Switches the stack; an edited boot time belongs to the old stack, so it is dropped. */
import { setParam } from '../../controller/sceneController';
import { store } from '../../state/store';

export function setStack(stack: string): void {
  if (store.getState().params.boot !== undefined) setParam('boot', '');
  setParam('stack', stack);
}
