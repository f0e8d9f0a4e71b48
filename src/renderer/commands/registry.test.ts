import { describe, expect, it } from 'vitest';
import { COMMANDS, type CommandId } from '../../shared/commands';
import { CommandRegistry, commandForEvent } from './registry';

function recordingRegistry() {
  const ran: CommandId[] = [];
  const handlers = Object.fromEntries(COMMANDS.map((c) => [c.id, () => void ran.push(c.id)])) as unknown as Record<CommandId, () => void>;
  return { registry: new CommandRegistry(handlers), ran };
}

const el = (tagName: string, extra: Record<string, unknown> = {}) => ({ tagName, isContentEditable: false, closest: () => null, ...extra }) as unknown as EventTarget;
const key = (k: string, target: EventTarget | null = el('BODY'), mods: Partial<KeyboardEvent> = {}) => ({
  key: k,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  target,
  ...mods,
});

describe('command registry', () => {
  it('binds every key of the shared list once and runs commands by id', () => {
    const { registry, ran } = recordingRegistry();
    expect(registry.run('timeline.restart')).toBe(true);
    expect(registry.run('no.such')).toBe(false);
    expect(ran).toEqual(['timeline.restart']);
    expect(registry.list()).toHaveLength(COMMANDS.length);
  });

  it('refuses a key bound twice', () => {
    const specs = [
      { id: 'timeline.faster' as const, label: 'a', keys: ['+'], menu: 'Timeline' as const },
      { id: 'timeline.slower' as const, label: 'b', keys: ['+'], menu: 'Timeline' as const },
    ];
    const noop = Object.fromEntries(COMMANDS.map((c) => [c.id, () => undefined])) as Record<CommandId, () => void>;
    expect(() => new CommandRegistry(noop, specs)).toThrow('Key "+" is bound twice (timeline.faster and timeline.slower).');
  });

  it('maps keys to commands: Space, arrows, Shift+arrows, letters either case', () => {
    const { registry } = recordingRegistry();
    expect(commandForEvent(registry, key(' '))?.id).toBe('timeline.playPause');
    expect(commandForEvent(registry, key('ArrowRight'))?.id).toBe('timeline.stepForward');
    expect(commandForEvent(registry, key('ArrowRight', el('BODY'), { shiftKey: true }))?.id).toBe('timeline.bigStepForward');
    expect(commandForEvent(registry, key('F', el('BODY'), { shiftKey: true }))?.id).toBe('view.presentation');
    expect(commandForEvent(registry, key('?', el('BODY'), { shiftKey: true }))?.id).toBe('help.shortcuts');
    expect(commandForEvent(registry, key('Home', el('BODY'), { shiftKey: true }))).toBeUndefined();
    expect(commandForEvent(registry, key('f', el('BODY'), { ctrlKey: true }))).toBeUndefined();
  });

  it('stays off while typing, except Escape', () => {
    const { registry } = recordingRegistry();
    const input = el('INPUT', { type: 'text' });
    expect(commandForEvent(registry, key('f', input))).toBeUndefined();
    expect(commandForEvent(registry, key(' ', el('TEXTAREA')))).toBeUndefined();
    expect(commandForEvent(registry, key(' ', el('DIV', { isContentEditable: true })))).toBeUndefined();
    expect(commandForEvent(registry, key('Escape', input))?.id).toBe('view.exitPresentation');
    // A checkbox is not a text field; a range input keeps its own arrows.
    expect(commandForEvent(registry, key('f', el('INPUT', { type: 'checkbox' })))?.id).toBe('view.presentation');
    expect(commandForEvent(registry, key('ArrowLeft', el('INPUT', { type: 'range' })))).toBeUndefined();
  });

  it('works from a link (a sidebar link keeps the focus until the stage takes it): Enter follows it, Space plays', () => {
    const { registry } = recordingRegistry();
    expect(commandForEvent(registry, key(' ', el('A')))?.id).toBe('timeline.playPause');
    expect(commandForEvent(registry, key('ArrowRight', el('A')))?.id).toBe('timeline.stepForward');
    expect(commandForEvent(registry, key('Enter', el('A')))).toBeUndefined();
    expect(commandForEvent(registry, key(' ', el('BUTTON')))).toBeUndefined();
  });
});
