/** The lesson, in the project's own words, following the seed's chapter on threads, processes and scaling. */
export function ParallelExplain() {
  return (
    <article className="explain" data-testid="parallel.explain">
      <h2>More workers, or more waiting?</h2>
      <p>
        A job gets faster with more workers only if something in it can happen at the same time. What that something is decides which tool helps: the
        stage shows the same job run five ways, one lane per core, each task in its own colour.
      </p>
      <h3>Concurrency, parallelism, asynchrony</h3>
      <p>
        <strong>Concurrency</strong> is several tasks in progress at once: one cook with three pots, stirring each in turn. <strong>Parallelism</strong> is
        several tasks running at the same instant: three cooks. Threads give you concurrency; whether they also run in parallel depends on the cores and on
        the runtime. Processes are separate programs with separate memory, so the operating system runs them on separate cores: parallelism, paid for with
        the cost of starting each one (the spawn segments in its lanes) and of copying the data in and the results out (the copy segments), and a whole
        interpreter's memory per process. <strong>Async</strong> (event-driven) code runs on one thread: while one task waits on the network, the event loop
        starts another. No second core ever works — yet for waiting, that is all you need.
      </p>
      <h3>The GIL</h3>
      <p>
        CPython has a Global Interpreter Lock: only the thread holding it runs Python bytecode. A thread lets go when it starts waiting on I/O, and every
        switch interval (5 ms by default) the holder is asked to drop it so another may take a turn. Pick <em>Threads under a GIL</em> with the CPU-bound
        job: four threads on four cores, and at every instant only one core is computing. The GIL lane shows the baton passing; the workers waiting for it
        queue up behind the holder (the <em>convoy</em>). Total time: about the same as one thread, plus the hand-offs. Switch the style to truly parallel
        threads or to processes and the same work spreads over the cores.
      </p>
      <h3>CPU-bound or IO-bound?</h3>
      <p>
        The tutorial puts it plainly: the speed of a language mostly matters for CPU-bound problems, not IO-bound ones. When a task spends its time waiting for
        a network reply or a disk, any language waits just as long. Choose the IO-bound job: even under the GIL, four threads finish in about a quarter of
        the time, because a waiting thread holds no lock and needs no core. The I/O lanes fill up while the core lanes stay nearly empty.
      </p>
      <h3>The HBase job, and 150 TB on one machine</h3>
      <p>
        The tutorial tells of a job reading from HBase that was too slow, and Python was blamed. The profile said otherwise: each record waited on a round trip
        to a region server and a disk seek; the Python work in between was a sliver. A faster language would have changed nothing; more requests in flight
        did. The <em>HBase lookups</em> preset is that job. The same author ETLed 150 TB of data on one machine without Spark: read, transform, write, with the
        reads and writes overlapped and the transforms on every core. Before renting a cluster, find out whether the job is waiting or computing — the{' '}
        <em>ETL</em> preset shows the loop.
      </p>
      <h3>Amdahl's law</h3>
      <p>
        If a fraction <em>s</em> of a job must run serially, n cores speed it up at most 1 / (s + (1 − s) / n) times, and never more than 1 / s: with 10%
        serial, 64 cores give less than ×9. Gustafson's answer is that real jobs grow with the machine: give 64 cores 64 times the data and the parallel part
        grows while the serial part does not, so the scaled speedup is nearly n. The Inspector draws both for 1..64 cores, with this run's point on them.
      </p>
      <h3>Up or out, and what it costs</h3>
      <p>
        Scaling <strong>up</strong> is a bigger machine; scaling <strong>out</strong> is more machines. Both are cheap next to people: the tutorial prices an EC2
        instance at $0.154 an hour and an engineer at $50, so one engineer hour rents about 325 instance-hours. Throwing hardware at a job is sensible until
        Amdahl's ceiling is reached; past it, only a change to the program helps. The Real run measures where this computer's ceiling is.
      </p>
    </article>
  );
}
