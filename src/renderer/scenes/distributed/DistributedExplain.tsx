/** The lesson, in the project's own words, following the tutorial's "Distributed Computing Frameworks". */
export function DistributedExplain() {
  return (
    <article className="explain" data-testid="distributed.explain">
      <h2>Beyond one machine</h2>
      <p>
        The tutorial sums up high performance computing as <em>not doing one thing exceedingly well, but doing nothing
        poorly</em>. A cluster is where that shows: a job is as fast as its slowest part, and with many machines there are
        many parts — disks, network links, a slow machine, a dead one, the driver that starts and finishes everything alone.
      </p>
      <p>
        <strong>MapReduce</strong> splits the input into blocks stored on several machines. A <strong>map</strong> task runs
        on a core near its block (node-local, else rack-local, else remote — the cluster panel counts them), turns lines into
        (word, 1) records and spills them to its local disk. The <strong>shuffle</strong> then sends every mapper&apos;s records
        for a key to the one reducer that owns the key: every mapper talks to every reducer, the all-to-all drawn in the
        middle, and the busiest network card or rack uplink decides how long it takes. Each <strong>reducer</strong> merges
        and sorts what it received, sums, and writes the result three times.
      </p>
      <p>
        Because addition is commutative and associative, part of the reduce can run early: a <strong>combiner</strong> sums
        the counts inside each map task, so a word that appears a thousand times in a split crosses the network once. For
        word count that cuts the shuffle about a hundredfold — compare the two sides. A join cannot do that: both tables
        cross the shuffle whole.
      </p>
      <p>
        A <strong>straggler</strong> — one slow machine — holds the whole phase back, because the shuffle waits for the
        last map. <strong>Speculative execution</strong> starts a backup copy of a late task on a free core and keeps
        whichever finishes first. When a <strong>machine fails</strong>, its running tasks die and so do the finished map
        outputs on its disk: they run again elsewhere. Spark draws the same job as a DAG of stages: a <code>map</code> is a
        narrow dependency (each partition stays where it is); <code>reduceByKey</code> is a wide one, a shuffle.
      </p>
      <p>
        <strong>Scaling out</strong> (more machines) follows <strong>Amdahl&apos;s law</strong> at best: the driver&apos;s
        serial start and finish never shrink, and the network becomes the new bottleneck. <strong>Scaling up</strong> buys one
        big machine with many cores and disks and no network at all. The ETL preset is the tutorial&apos;s &quot;150 TB on 1
        machine without Spark&quot;: a streaming job with no shuffle is bounded by disk bandwidth, and one machine can be the
        cheapest way to do it — slower, but without paying for replicas over the network or a driver. The Beam preset is the
        tutorial&apos;s 62 machines for under 30 minutes for about $2.50: cost is machine-hours × the price of one.
      </p>
      <p>
        The <strong>Real run</strong> tab runs the same word count on this computer, with worker threads as mappers and
        reducers: the records and bytes through its shuffle are exactly the model&apos;s (and <code>nanoscope mapreduce</code>
        &apos;s) for the same text, and the speedup from 1 to N workers sits beside the model&apos;s prediction.
      </p>
    </article>
  );
}
