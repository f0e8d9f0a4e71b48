/**
 * Our fixed Python scripts (never user code). Each reads one JSON argument of numbers (and,
 * for the word count, a file path the host checked), prints progress and its result as
 * marker lines on stdout, and leaves any other printed line (the tutorial cell's own
 * `print`s) to be shown as is.
 */

/** Marker lines the runner parses; anything else on stdout is the cell's own output. */
export const MARK = { progress: '@@NANOSCOPE_PROGRESS ', result: '@@NANOSCOPE_RESULT ', probe: '@@NANOSCOPE_PROBE ' } as const;

/**
 * Every run script starts with this: progress/result markers, the parameters, and a watchdog
 * that ends the process when its stdin closes — the host's end of that pipe closes when the
 * worker that started it is terminated (a cancel) or the host dies, so no run outlives them.
 */
export const PRELUDE = String.raw`import sys, json, time, os
if __name__ == '__main__':
    import threading
    def _nanoscope_watch():
        # os.read on the raw fd: a buffered sys.stdin read would hold a lock at interpreter shutdown.
        try:
            while os.read(0, 4096):
                pass
        except OSError:
            pass
        os._exit(3)
    threading.Thread(target=_nanoscope_watch, daemon=True).start()
_out = sys.stdout
def progress(f, msg):
    _out.write('@@NANOSCOPE_PROGRESS ' + json.dumps({'fraction': f, 'message': msg}) + '\n')
    _out.flush()
def result(obj):
    _out.write('@@NANOSCOPE_RESULT ' + json.dumps(obj) + '\n')
    _out.flush()
P = json.loads(sys.argv[1])
`;

/** Prints what the interpreter is, without importing the packages (their metadata is enough). */
export const PROBE_SCRIPT = String.raw`import sys, json, platform
try:
    import importlib.util, sysconfig
    def ver(name):
        try:
            if importlib.util.find_spec(name) is None:
                return None
        except Exception:
            return None
        try:
            from importlib.metadata import version
            return version(name)
        except Exception:
            pass
        try:
            return str(__import__(name).__version__)
        except Exception:
            return None
    g = getattr(sys, '_is_gil_enabled', None)
    out = {'executable': sys.executable, 'version': platform.python_version(), 'implementation': platform.python_implementation(),
           'gil_enabled': bool(g()) if g else True, 'gil_disabled_build': bool(sysconfig.get_config_var('Py_GIL_DISABLED')),
           'numpy': ver('numpy'), 'pandas': ver('pandas'), 'dask': ver('dask')}
    print('@@NANOSCOPE_PROBE ' + json.dumps(out))
except Exception as e:
    print('@@NANOSCOPE_PROBE ' + json.dumps({'error': repr(e), 'version': platform.python_version()}))
`;

/** The tutorial's incrementer/decrementer cell, verbatim (In [4] and the thread set-up of In [5]). */
export const SEED_CELL = `def incrementer(lst, iterations, checkpoint_iterations):
    for i in range(iterations):
        lst[0] += 1
        if i % checkpoint_iterations == 0:
            print("lst: {}".format(lst))
    print("final lst: {}".format(lst))

def decrementer(lst, iterations, checkpoint_iterations):
    for i in range(iterations):
        lst[0] -= 1
        if i % checkpoint_iterations == 0:
            print("lst: {}".format(lst))
    print("final lst: {}".format(lst))
`;

/** The same read-modify-write with a Python call between the read and the write, and a short switch interval. */
export const CALL_CELL = `sys.setswitchinterval(1e-5)

def one():
    return 1

def incrementer(lst, iterations, checkpoint_iterations):
    for i in range(iterations):
        lst[0] = lst[0] + one()
        if i % checkpoint_iterations == 0:
            print("lst: {}".format(lst))
    print("final lst: {}".format(lst))

def decrementer(lst, iterations, checkpoint_iterations):
    for i in range(iterations):
        lst[0] = lst[0] - one()
        if i % checkpoint_iterations == 0:
            print("lst: {}".format(lst))
    print("final lst: {}".format(lst))
`;

/** Runs one of the cells `repeat` times with two threads, as In [5] does. */
export function raceScript(cell: string): string {
  return `${PRELUDE}from threading import Thread

${cell}
runs = []
for r in range(P['repeat']):
    lst = [0]
    thread1 = Thread(target=incrementer, args=(lst, P['iterations'], P['checkpoint']))
    thread2 = Thread(target=decrementer, args=(lst, P['iterations'], P['checkpoint']))
    t0 = time.perf_counter()
    thread1.start()
    thread2.start()
    thread1.join()
    thread2.join()
    runs.append({'final': lst[0], 'seconds': time.perf_counter() - t0})
    progress((r + 1) / P['repeat'], 'run %d of %d: lst[0] = %d' % (r + 1, P['repeat'], lst[0]))
result({'runs': runs})
`;
}

/** The CPU-bound kernel of the GIL run, shown in the panel. */
export const GIL_KERNEL = `def kernel(start, stop):
    s = 0
    for i in range(start, stop):
        s += i * i % 7
    return s`;

/** CPU-bound kernel on 1 thread, N threads and N processes (same total work); then the IO-bound waits. */
export const GIL_SCRIPT = `${PRELUDE}import threading
from concurrent.futures import ProcessPoolExecutor

${GIL_KERNEL}

def chunks(total, n):
    step = total // n
    return [(k * step, total if k == n - 1 else (k + 1) * step) for k in range(n)]

def single(total, n):
    return kernel(0, total)

def threads(total, n):
    parts = [0] * n
    def work(k, a, b):
        parts[k] = kernel(a, b)
    ts = [threading.Thread(target=work, args=(k, a, b)) for k, (a, b) in enumerate(chunks(total, n))]
    for t in ts: t.start()
    for t in ts: t.join()
    return sum(parts)

def processes(total, n):
    with ProcessPoolExecutor(max_workers=n) as ex:
        return sum(ex.map(kernel, *zip(*chunks(total, n))))

def wait_single(waits, ms, n):
    for _ in range(waits):
        time.sleep(ms / 1000)

def wait_threads(waits, ms, n):
    def work(k):
        for _ in range(k, waits, n):
            time.sleep(ms / 1000)
    ts = [threading.Thread(target=work, args=(k,)) for k in range(n)]
    for t in ts: t.start()
    for t in ts: t.join()

if __name__ == '__main__':
    total, n, reps = P['iterations'], P['workers'], P['repeat']
    styles = [('single', 1, single), ('threads', n, threads), ('processes', n, processes)]
    times = {s: [] for s, _, _ in styles}
    sums = set()
    steps = reps * len(styles) + 2
    done = 0
    for r in range(reps):
        for style, workers, fn in styles:
            t0 = time.perf_counter()
            sums.add(fn(total, workers))
            times[style].append(time.perf_counter() - t0)
            done += 1
            progress(done / steps, '%s (%d) repeat %d of %d: %.3f s' % (style, workers, r + 1, reps, times[style][-1]))
    io = []
    for style, workers, fn in [('single', 1, wait_single), ('threads', n, wait_threads)]:
        t0 = time.perf_counter()
        fn(P['waits'], P['wait_ms'], workers)
        io.append({'style': style, 'workers': workers, 'seconds': time.perf_counter() - t0})
        done += 1
        progress(done / steps, 'io %s: %.3f s' % (style, io[-1]['seconds']))
    result({'times': times, 'sums': sorted(sums), 'io': io})
`;

/** y = 2.5 * x + 1.0 over the same n floats: a Python loop, numpy, Series.apply, a pandas expression. */
export const VECTOR_SCRIPT = `${PRELUDE}import random, math
n, reps = P['n'], P['repeat']
rnd = random.Random(1)
xs = [rnd.random() for _ in range(n)]
impls = []

def loop():
    ys = []
    for v in xs:
        ys.append(2.5 * v + 1.0)
    return math.fsum(ys)
impls.append(('loop', loop))
missing = []
try:
    import numpy as np
    x = np.array(xs, dtype=np.float64)
    impls.append(('numpy', lambda: float(np.sum(2.5 * x + 1.0))))
except ImportError:
    missing.append('numpy')
try:
    import pandas as pd
    s = pd.Series(xs, dtype='float64')
    impls.append(('pandas-apply', lambda: float(s.apply(lambda v: 2.5 * v + 1.0).sum())))
    impls.append(('pandas-vectorized', lambda: float((2.5 * s + 1.0).sum())))
except ImportError:
    missing.append('pandas')
out = []
for k, (name, fn) in enumerate(impls):
    times = []
    for r in range(reps):
        t0 = time.perf_counter()
        check = fn()
        times.append(time.perf_counter() - t0)
    out.append({'impl': name, 'times': times, 'checksum': check})
    progress((k + 1) / len(impls), '%s: %.4f s' % (name, min(times)))
result({'results': out, 'missing': missing})
`;

/** The Big O scene's cells: sys.getsizeof after each append, and seconds per op over n. */
export const BIGO_SCRIPT = `${PRELUDE}from collections import deque, Counter
import random
appends, sizes, k = P['appends'], P['sizes'], P['ops']
lst = []
list_sizes = []
for i in range(appends):
    lst.append(i)
    list_sizes.append(sys.getsizeof(lst))
dq = deque()
deque_sizes = []
for i in range(appends):
    dq.append(i)
    deque_sizes.append(sys.getsizeof(dq))
program_sizes = {}
for kind, make in (('list', list), ('deque', deque)):
    c, sizes_after, i = make(), [], 0
    do = {'append': lambda: c.append(i), 'pop': c.pop, 'insert0': lambda: c.insert(0, i), 'pop0': lambda: c.pop(0),
          'appendleft': lambda: c.appendleft(i), 'popleft': lambda: c.popleft()}
    for step in P['program'][kind]:
        for _ in range(step['count']):
            do[step['op']]()
            sizes_after.append(sys.getsizeof(c))
            i += 1
    program_sizes[kind] = sizes_after

def per_op(setup, op, count):
    best = None
    for _ in range(3):
        c = setup()
        t0 = time.perf_counter()
        op(c, count)
        t = (time.perf_counter() - t0) / count
        best = t if best is None else min(best, t)
    return best

def app(c, m):
    for i in range(m): c.append(i)
def ins0(c, m):
    for i in range(m): c.insert(0, i)
def pop(c, m):
    for i in range(m): c.pop()
def pop0(c, m):
    for i in range(m): c.pop(0)
def appl(c, m):
    for i in range(m): c.appendleft(i)
def popl(c, m):
    for i in range(m): c.popleft()
def concat(c, m):
    s = ''
    for i in range(m): s += 'x'
def join(c, m):
    ''.join(['x' for i in range(m)])

ops = []
for j, n in enumerate(sizes):
    m = min(k, n)
    rows = [
        ('list.append', lambda: list(range(n)), app, m),
        ('list.insert(0)', lambda: list(range(n)), ins0, m),
        ('list.pop()', lambda: list(range(n + m)), pop, m),
        ('list.pop(0)', lambda: list(range(n + m)), pop0, m),
        ('deque.appendleft', lambda: deque(range(n)), appl, m),
        ('deque.popleft', lambda: deque(range(n + m)), popl, m),
        ('str +=', lambda: None, concat, n),
        ('str.join', lambda: None, join, n),
    ]
    for name, setup, op, count in rows:
        ops.append({'op': name, 'n': n, 'seconds_per_op': per_op(setup, op, count)})
    rnd = random.Random(n)
    a = ''.join(rnd.choice('abcdefghijklmnopqrstuvwxyz') for _ in range(n))
    b = ''.join(sorted(a, reverse=True))
    for name, fn in [('anagram sort', lambda: sorted(a) == sorted(b)), ('anagram count', lambda: Counter(a) == Counter(b))]:
        best = None
        for _ in range(3):
            t0 = time.perf_counter()
            assert fn()
            t = time.perf_counter() - t0
            best = t if best is None else min(best, t)
        ops.append({'op': name, 'n': n, 'seconds_per_op': best})
    progress((j + 1) / len(sizes), 'n = %d' % n)
result({'list_sizes': list_sizes, 'deque_sizes': deque_sizes, 'program_sizes': program_sizes, 'ops': ops})
`;

/**
 * Word count of one text file through dask.bag (threads scheduler), tokenized as the scene's model
 * does (src/sim/distributed/wordcount.ts): A–Z lowercased, a token is a maximal run of [a-z0-9].
 */
export const DASK_SCRIPT = `${PRELUDE}import re, dask, dask.bag as db
LOWER = str.maketrans('ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')
TOKEN = re.compile('[a-z0-9]+')
b = db.read_text(P['path'], blocksize=P['blocksize'], encoding='utf-8', errors='replace')
words = b.map(lambda line: TOKEN.findall(line.translate(LOWER))).flatten()
progress(0.1, 'counting with dask.bag over %d partitions' % b.npartitions)
t0 = time.perf_counter()
records, total, freqs = dask.compute(b.count(), words.count(), words.frequencies(), scheduler='threads')
seconds = time.perf_counter() - t0
freqs = sorted(freqs, key=lambda kv: (-kv[1], kv[0]))
result({'records': records, 'words': total, 'distinct': len(freqs), 'top': [{'word': w, 'count': c} for w, c in freqs[:10]], 'seconds': seconds, 'partitions': b.npartitions})
`;
