import { describe, expect, it } from 'vitest';
import type { HostEvent } from '../../src/shared/api';
import { COMMANDS } from '../../src/shared/commands';
import { buildMenuTemplate, type MenuItemTemplate } from '../../src/main/menuTemplate';

function flatten(items: MenuItemTemplate[]): MenuItemTemplate[] {
  return items.flatMap((i) => [i, ...flatten(i.submenu ?? [])]);
}

describe('menuTemplate', () => {
  const sent: HostEvent[] = [];
  const template = buildMenuTemplate({ appName: 'Nanoscope', platform: 'linux', dev: false, send: (e) => sent.push(e) });
  const items = flatten(template);
  const commandItems = items.filter((i) => i.id !== undefined);

  it('has every command once, in the menu its spec names, without registering accelerators', () => {
    expect(commandItems.map((i) => i.id).sort()).toEqual(COMMANDS.map((c) => c.id).sort());
    for (const c of COMMANDS) {
      const menu = template.find((m) => m.label === c.menu);
      const item = menu?.submenu?.find((i) => i.id === c.id);
      expect(item, c.id).toBeDefined();
      expect(item?.label).toBe(c.label);
      expect(item?.accelerator).toBe(c.accelerator);
      expect(item?.registerAccelerator).toBe(false);
    }
  });

  it('sends menu.command with the id on click', () => {
    for (const i of commandItems) i.click?.();
    expect(sent).toEqual(COMMANDS.map((c) => ({ type: 'menu.command', commandId: c.id })).sort((a, b) => commandItems.findIndex((i) => i.id === a.commandId) - commandItems.findIndex((i) => i.id === b.commandId)));
  });

  it('has the standard roles; devtools only in dev; an app menu only on macOS', () => {
    const roles = items.map((i) => i.role).filter(Boolean);
    expect(roles).toEqual(expect.arrayContaining(['quit', 'copy', 'paste', 'togglefullscreen']));
    expect(roles).not.toContain('toggleDevTools');
    expect(template.map((m) => m.label)).toEqual(['File', 'Edit', 'Timeline', 'View', 'Lesson', 'Measure', 'Help']);
    const dev = flatten(buildMenuTemplate({ appName: 'Nanoscope', platform: 'linux', dev: true, send: () => {} })).map((i) => i.role);
    expect(dev).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
    expect(buildMenuTemplate({ appName: 'Nanoscope', platform: 'darwin', dev: false, send: () => {} })[0]?.label).toBe('Nanoscope');
  });
});
