/**
 * The browser runtime's real run outside the app: the program in a page of headless Chromium,
 * driven over Playwright's protocol client (playwright-core). The page is a real navigation to
 * an address no network serves — every request is answered by the driver, the page itself with
 * a Content-Security-Policy that allows only its own inline scripts, anything else refused — so
 * the program runs as a classic script of an HTML document, with the HTML event loop's tasks,
 * microtask checkpoints and rendering opportunities, and no access to files or the network.
 * The instrument (sim/eventloop/browserInstrument.ts, the same as the app's worker) records
 * the console and errors; a runaway page is given up after the time budget and the browser is
 * closed. Used by `nanoscope eventloop --real --runtime browser` and the fixture recorder.
 */
import { existsSync } from 'node:fs';
import { browserPrelude, PAGE_BINDING, RecordFormatter, type InstrumentRecord } from '../sim/eventloop/browserInstrument';

/** Chromium's flags that work on this kind of machine (no sandbox, no GPU, no background traffic). */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/** What one real run in Chromium printed. */
export interface ChromiumRun {
  readonly stdout: string[];
  readonly stderr: string[];
  /** Both streams in order, as the page printed them. */
  readonly console: { stream: 'stdout' | 'stderr'; text: string; t: number }[];
  /** `time` when the budget ran out first. */
  readonly stopped: 'time' | 'output' | null;
  readonly wallMs: number;
}

/** Console lines as the text a stream carried ("a\nb\n"). */
export function asText(lines: readonly string[]): string {
  return lines.map((l) => `${l}\n`).join('');
}

/** Options of one run. */
export interface ChromiumRunOptions {
  /** Wall-clock budget, ms. */
  readonly timeoutMs?: number;
  /** Every timer delay is multiplied by this (the recorder's "timers scaled up" run). */
  readonly timerScale?: number;
}

/**
 * The Chromium to use: $NANOSCOPE_CHROMIUM or $CHROMIUM_PATH, else Debian's and the usual
 * places (not searched when $NANOSCOPE_NO_SYSTEM_CHROMIUM is set, so a test can see "none").
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const system = env.NANOSCOPE_NO_SYSTEM_CHROMIUM ? [] : ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'];
  const candidates = [env.NANOSCOPE_CHROMIUM, env.CHROMIUM_PATH, ...system];
  for (const c of candidates) if (c !== undefined && c !== '' && existsSync(c)) return c;
  return null;
}

const ORIGIN = 'http://program.nanoscope.invalid';

/** The document the program runs in: the instrument, then the program, as two classic scripts. */
export function programDocument(source: string, timerScale: number): string {
  // Inside a script element only "</script" and "<!--" are special; their escaped forms mean the same in JS strings.
  const safe = (js: string) => js.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
  const csp = "default-src 'none'; script-src 'unsafe-inline'";
  return `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${csp}"><title>program</title>
<script>${safe(browserPrelude('page', timerScale))}</script></head><body>
<script>${safe(source)}</script>
</body></html>`;
}

type Browser = import('playwright-core').Browser;

/** The page's records, at most 1 MiB of JSON per run. */
const MAX_OUTPUT_CHARS = 1 << 20;

/** One headless Chromium; each run gets a fresh browser context (its own origin state and renderer). */
export class ChromiumRunner {
  private constructor(private readonly browser: Browser) {}

  /** Starts Chromium; throws an Error that says why it cannot. */
  static async launch(executablePath: string | null = findChromium()): Promise<ChromiumRunner> {
    if (executablePath === null) throw new Error('no Chromium found (install Debian\'s chromium, or set NANOSCOPE_CHROMIUM to a Chromium or Chrome binary)');
    let pw: typeof import('playwright-core');
    try {
      pw = await import('playwright-core');
    } catch {
      throw new Error('playwright-core is not installed (it is a development dependency: run npm ci)');
    }
    const browser = await pw.chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
    return new ChromiumRunner(browser);
  }

  /** Runs `source` as a page's classic script until it is done or the budget runs out. */
  async run(source: string, options: ChromiumRunOptions = {}): Promise<ChromiumRun> {
    const timeoutMs = options.timeoutMs ?? 5000;
    const html = programDocument(source, options.timerScale ?? 1);
    const context = await this.browser.newContext({ javaScriptEnabled: true, serviceWorkers: 'block', offline: false });
    const page = await context.newPage();
    await page.route('**/*', (route) => (route.request().url() === `${ORIGIN}/` ? route.fulfill({ status: 200, contentType: 'text/html', body: html }) : route.abort('blockedbyclient')));
    const records: InstrumentRecord[] = [];
    let finish = (): void => undefined;
    const done = new Promise<void>((r) => {
      finish = r;
    });
    let stopped: 'time' | 'output' | null = 'time';
    let bytes = 0;
    let ended = false;
    // Each record arrives as it is made, so a page that then loops forever has still told what it printed.
    // The program can call the binding itself: anything that is not a record is dropped, and past
    // 1 MiB of records the run stops ("output"), as the Node run does.
    await page.exposeFunction(PAGE_BINDING, (json: unknown) => {
      if (ended || typeof json !== 'string') return;
      bytes += json.length;
      if (bytes > MAX_OUTPUT_CHARS) {
        ended = true;
        stopped = 'output';
        finish();
        return;
      }
      let r: InstrumentRecord;
      try {
        r = JSON.parse(json) as InstrumentRecord;
      } catch {
        return;
      }
      if (r === null || typeof r !== 'object') return;
      records.push(r);
      if (r.type === 'done') {
        ended = true;
        stopped = null;
        finish();
      }
    });
    const t0 = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const budget = new Promise<void>((r) => {
      timer = setTimeout(r, timeoutMs);
    });
    page.goto(`${ORIGIN}/`, { waitUntil: 'commit', timeout: timeoutMs }).catch(() => undefined);
    await Promise.race([done, budget]);
    clearTimeout(timer);
    const wallMs = performance.now() - t0;
    // A page stuck in a loop does not answer; closing its context kills its renderer.
    await Promise.race([context.close().catch(() => undefined), new Promise((r) => setTimeout(r, 2000))]);
    const formatter = new RecordFormatter();
    const consoleLines: ChromiumRun['console'] = [];
    for (const r of records) {
      let line: ReturnType<RecordFormatter['line']>;
      try {
        line = formatter.line(r);
      } catch {
        continue; // A forged record of the program's: not one of the instrument's shapes.
      }
      if (line !== null) consoleLines.push({ ...line, t: typeof r.t === 'number' ? r.t : 0 });
    }
    return {
      stdout: consoleLines.filter((l) => l.stream === 'stdout').map((l) => l.text),
      stderr: consoleLines.filter((l) => l.stream === 'stderr').map((l) => l.text),
      console: consoleLines,
      stopped,
      wallMs,
    };
  }

  /** Chromium's version, e.g. "156.0.8078.73". */
  version(): string {
    return this.browser.version();
  }

  async close(): Promise<void> {
    await Promise.race([this.browser.close().catch(() => undefined), new Promise((r) => setTimeout(r, 3000))]);
  }
}
