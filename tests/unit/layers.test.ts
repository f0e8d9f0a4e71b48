/**
 * The layer zones of eslint.config.js (eslint/layers.js), fed one violating file per zone
 * through ESLint itself: each must be reported, naming the layer and citing docs/ARCHITECTURE.md.
 * Removing a zone (or the rule) makes its case fail here.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { root } from './cliHarness';

const eslint = new ESLint({ cwd: root });

/** The layer messages ESLint gives `code` as if it were the file at `file` (relative to the repo). */
async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}/${file}` });
  return result!.messages.filter((m) => m.message.startsWith('LAYER')).map((m) => m.message);
}

// Each zone: a file in it, imports it may not make (by any number of '../'), and one it may.
const ZONES: { zone: string; file: string; bad: string[]; good: string }[] = [
  { zone: 'sim', file: 'src/sim/eventloop/corpus/zoneProbe.ts', bad: ["import { x } from '../../../renderer/state/store';", "import { x } from '../../../../tests/unit/cliHarness';", "import { x } from '../../../main/services/workers';", "import fs from 'node:fs';", "import React from 'react';"], good: "import { x } from '../../core/engine';" },
  { zone: 'shared', file: 'src/shared/zoneProbe.ts', bad: ["import { x } from '../renderer/state/store';", "import { x } from '../main/services/workers';", "import { x } from 'electron';"], good: "import type { x } from '../sim/core/engine';" },
  { zone: 'main', file: 'src/main/services/zoneProbe.ts', bad: ["import { x } from '../../renderer/state/store';", "import { x } from '../../cli/args';", "import { x } from '../../preload/index';"], good: "import { x } from '../../shared/api';" },
  { zone: 'preload', file: 'src/preload/zoneProbe.ts', bad: ["import { x } from '../sim/core/engine';", "import { x } from '../main/index';", "import fs from 'node:fs';"], good: "import { x } from '../shared/api';" },
  { zone: 'renderer', file: 'src/renderer/scenes/cache/zoneProbe.ts', bad: ["import { x } from '../../../main/services/hostApi';", "import { x } from '../../../cli/args';", "import { x } from 'electron';", "import os from 'os';"], good: "import { x } from '../../../sim/scenes';" },
  { zone: 'cli', file: 'src/cli/commands/zoneProbe.ts', bad: ["import { x } from '../../renderer/state/store';", "import { x } from '../../preload/index';", "import { app } from 'electron';"], good: "import { x } from '../../main/services/workers';" },
];

describe('layer zones (eslint)', () => {
  it.each(ZONES)('$zone: every forbidden import is reported, naming the layer; an allowed one is not', async ({ zone, file, bad, good }) => {
    for (const code of bad) {
      const errors = await layerErrors(file, `${code}\nexport const y = x;\n`);
      expect(errors, code).toHaveLength(1);
      expect(errors[0]).toContain(`LAYER src/${zone}`);
      expect(errors[0]).toContain('docs/ARCHITECTURE.md');
    }
    expect(await layerErrors(file, `${good}\nexport const y = x;\n`)).toEqual([]);
  });

  it('dynamic imports and re-exports are checked too; tests beside the code may use Node', async () => {
    expect(await layerErrors('src/sim/core/zoneProbe.ts', "export const m = () => import('../../renderer/main');\n")).toHaveLength(1);
    expect(await layerErrors('src/sim/core/zoneProbe.ts', "export { store } from '../../renderer/state/store';\n")).toHaveLength(1);
    expect(await layerErrors('src/sim/core/zoneProbe.test.ts', "import fs from 'node:fs';\nexport const f = fs;\n")).toEqual([]);
    // A test still may not cross a layer.
    expect(await layerErrors('src/sim/core/zoneProbe.test.ts', "import { s } from '../../renderer/state/store';\nexport const f = s;\n")).toHaveLength(1);
  });
});
