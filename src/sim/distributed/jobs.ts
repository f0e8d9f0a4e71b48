/**
 * Jobs for the cluster model: bytes per map task, the shuffle's bytes from each map task to each
 * reducer, CPU per byte, and the driver's serial parts. Presets from the tutorial's section on
 * distributed computing; the word count's ratios are stated below with how they were chosen.
 */

/** A Spark-style stage of the job's DAG. */
export interface StageSpec {
  readonly name: string;
  /** What the stage runs, e.g. `textFile → flatMap → map`. */
  readonly ops: string;
  /** narrow: each partition feeds one partition (stays on its machine); wide: a shuffle feeds it. */
  readonly dependency: 'source' | 'narrow' | 'wide';
}

/** One MapReduce job as the timing model sees it. Bytes; cycles per byte; seconds. */
export interface JobSpec {
  readonly id: string;
  readonly label: string;
  readonly mapInputBytes: readonly number[];
  /** Bytes from map task i to reducer j (M × R; R may be 0 for a map-only job). */
  readonly shuffleBytes: readonly (readonly number[])[];
  /** Bytes each map task writes to the output itself (map-only jobs). */
  readonly mapOutputBytes: readonly number[];
  readonly reduceOutputBytes: readonly number[];
  readonly mapCyclesPerByte: number;
  readonly reduceCyclesPerByte: number;
  /** The driver's serial start (plan splits, ship code, start executors), s. */
  readonly setupS: number;
  /** The driver's serial end (commit the output, final merge), s. */
  readonly commitS: number;
  /** Copies of each block in the distributed file system (HDFS default 3). */
  readonly replicas: number;
  readonly stages: readonly StageSpec[];
  readonly combiner: boolean;
  readonly notes: readonly string[];
}

export const JOB_PRESET_IDS = ['wordcount', 'etl', 'join', 'beam'] as const;
export type JobPresetId = (typeof JOB_PRESET_IDS)[number];

const GB = 1e9;
const TB = 1e12;

/**
 * Word count's shuffle bytes per input byte. Without the combiner every word leaves as `word\t1\n`:
 * an average English word of ~5 letters plus a separator is ~6 input bytes and 5 + 3 = 8 shuffle bytes
 * (ratio 1.33; `nanoscope mapreduce` on the tutorial gives 1.2). With the combiner a 128 MB split of
 * text holds ~100 k distinct words of ~12 record bytes: ratio ~0.01.
 */
export const WORDCOUNT_RATIO = { plain: 1.33, combined: 0.01 } as const;

/** Splits `total` bytes into `n` tasks of equal size (the last takes the remainder). */
function even(total: number, n: number): number[] {
  const each = Math.floor(total / n);
  return Array.from({ length: n }, (_, i) => (i === n - 1 ? total - each * (n - 1) : each));
}

function matrix(inputs: readonly number[], reducers: number, ratio: number): number[][] {
  return inputs.map((b) => Array.from({ length: reducers }, () => (b * ratio) / reducers));
}

export interface JobOptions {
  readonly combiner: boolean;
  readonly reducers: number;
  /** Input size, bytes (presets have their own default). */
  readonly inputBytes?: number;
  /** Map tasks (input splits); presets cap tasks so the plan stays small. */
  readonly mapTasks?: number;
}

/** The default input size of each preset, bytes. */
export const PRESET_INPUT: Readonly<Record<JobPresetId, number>> = { wordcount: 30 * GB, etl: 150 * TB, join: 1.2 * TB, beam: 1.5 * TB };

const WORDCOUNT_STAGES: readonly StageSpec[] = [
  { name: 'read', ops: 'textFile (one partition per split)', dependency: 'source' },
  { name: 'map', ops: 'flatMap(split words) → map(w → (w, 1))', dependency: 'narrow' },
  { name: 'reduceByKey', ops: 'shuffle by hash(word) → sum', dependency: 'wide' },
  { name: 'save', ops: 'saveAsTextFile', dependency: 'narrow' },
];

/** A preset job. Map tasks default to one per 128 MB split, at most 2,000 (then larger splits). */
export function presetJob(id: JobPresetId, options: JobOptions): JobSpec {
  const input = options.inputBytes ?? PRESET_INPUT[id];
  const tasks = options.mapTasks ?? Math.max(1, Math.min(2000, Math.ceil(input / 128e6)));
  const inputs = even(input, tasks);
  const r = options.reducers;
  const common = { mapInputBytes: inputs, replicas: 3, setupS: 10, commitS: 5 };
  switch (id) {
    case 'wordcount':
    case 'beam': {
      const ratio = options.combiner ? WORDCOUNT_RATIO.combined : WORDCOUNT_RATIO.plain;
      const shuffle = matrix(inputs, r, ratio);
      return {
        ...common,
        id,
        label: id === 'beam' ? "Beam word count (the tutorial's 62 machines, < 30 min, $2.50)" : 'word count',
        shuffleBytes: shuffle,
        mapOutputBytes: inputs.map(() => 0),
        // distinct words are few: the output is small either way
        reduceOutputBytes: Array.from({ length: r }, () => (input * WORDCOUNT_RATIO.combined) / Math.max(1, tasks) / r),
        mapCyclesPerByte: options.combiner ? 35 : 30,
        reduceCyclesPerByte: 20,
        stages: WORDCOUNT_STAGES,
        combiner: options.combiner,
        notes: [
          `shuffle bytes per input byte: ${options.combiner ? `${WORDCOUNT_RATIO.combined} with the combiner` : `${WORDCOUNT_RATIO.plain} without the combiner`} (see WORDCOUNT_RATIO)`,
          'map 30 cycles/byte (35 with the combiner\'s hash table), reduce 20 cycles/byte: teaching figures for JVM text processing',
        ],
      };
    }
    case 'etl':
      return {
        ...common,
        id,
        label: 'ETL, 150 TB (the tutorial: "ETLed 150 TB of data on 1 machine WITHOUT Spark")',
        shuffleBytes: inputs.map(() => []),
        mapOutputBytes: inputs.map((b) => b * 0.1),
        reduceOutputBytes: [],
        mapCyclesPerByte: 4,
        reduceCyclesPerByte: 0,
        stages: [
          { name: 'read', ops: 'read files', dependency: 'source' },
          { name: 'transform', ops: 'parse → filter → project', dependency: 'narrow' },
          { name: 'write', ops: 'write 10% of the bytes', dependency: 'narrow' },
        ],
        combiner: false,
        notes: ['a streaming map-only job: 4 cycles/byte to parse and filter, 10% of the bytes kept (teaching figures)', 'no shuffle: every stage is narrow, so one machine streams at its disks\' speed'],
      };
    case 'join':
      return {
        ...common,
        id,
        label: 'join: 1 TB of orders with 200 GB of customers by customer id',
        // both sides cross the shuffle whole; a combiner cannot shrink a join
        shuffleBytes: matrix(inputs, r, 1),
        mapOutputBytes: inputs.map(() => 0),
        reduceOutputBytes: Array.from({ length: r }, () => (input * 0.8) / r),
        mapCyclesPerByte: 10,
        reduceCyclesPerByte: 25,
        stages: [
          { name: 'read orders', ops: 'textFile(orders) → map(o → (o.customer, o))', dependency: 'source' },
          { name: 'read customers', ops: 'textFile(customers) → map(c → (c.id, c))', dependency: 'source' },
          { name: 'join', ops: 'cogroup by key (shuffle both sides)', dependency: 'wide' },
          { name: 'save', ops: 'map(merge rows) → save', dependency: 'narrow' },
        ],
        combiner: false,
        notes: ['a reduce-side join shuffles both tables whole (the combiner does not apply)', 'map 10, reduce 25 cycles/byte (teaching figures)'],
      };
  }
}
