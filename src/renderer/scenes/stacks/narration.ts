/** One line for screen readers: how many instances are booting and ready, and how many fit. */
import type { StacksView } from '../../../sim/stacks/scene';

export function narrateStacks(raw: unknown): string {
  const view = raw as StacksView;
  const count = (state: string) => view.instances.filter((i) => i.state === state).length;
  const parts = [`${view.label}: ${count('running')} running`, `${count('booting')} booting`];
  if (count('idle')) parts.push(`${count('idle')} idle`);
  if (count('rejected')) parts.push(`${count('rejected')} do not fit`);
  const fit = `${view.fit} of ${view.requested} fit on the host`;
  const fn = view.functions ? `; ${view.functions.requests} requests, ${view.functions.coldStarts} cold starts` : '';
  return `${parts.join(', ')}; ${fit}${fn}.`;
}
