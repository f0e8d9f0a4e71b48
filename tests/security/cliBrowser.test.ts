/**
 * `nanoscope eventloop F --real --runtime browser`: the program can call the instrument's page
 * binding itself; a forged record is dropped (never an internal error) and output stops at 1 MiB.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findChromium } from '../../src/cli/chromiumReal';
import { cli } from '../unit/cliHarness';

const dir = mkdtempSync(join(tmpdir(), 'nanoscope-security-cli-browser-'));

describe.skipIf(findChromium() === null)('the CLI browser real run', () => {
  it('drops forged records and caps output at 1 MiB (exit 3, said plainly)', async () => {
    const f = join(dir, 'forge.js');
    writeFileSync(f, "const emit = self.__nanoscopeEmit;\nemit('{\"type\":\"log\",\"args\":null}');\nemit(42);\nemit('not json');\nconsole.log('still here');\nconst s = 'x'.repeat(100000);\nfor (let i = 0; i < 100; i++) console.log(s);\n");
    const r = await cli('eventloop', f, '--runtime', 'browser', '--real', '--json');
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.code).toBe(3);
    const doc = JSON.parse(r.stdout) as { real: { stdout: string[]; stopped: string; message: string } };
    expect(doc.real.stopped).toBe('output');
    expect(doc.real.message).toMatch(/printed more than 1024 KiB/);
    expect(doc.real.stdout[0]).toBe('still here');
  }, 60_000);
});
