/** The lesson, in the project's own words, following the seed's threads chapter. */
export function ThreadsExplain() {
  return (
    <article className="explain" data-testid="threads.explain">
      <h2>Why two threads lose count</h2>
      <p>
        The tutorial runs two Python threads on one list: an <em>incrementer</em> doing <code>lst[0] += 1</code> ten million times and a <em>decrementer</em> doing{' '}
        <code>lst[0] -= 1</code> ten million times. The answer should be 0. It ends millions away, and differently every time. Two threads that move items
        with <code>list_append.append(list_pop.pop())</code> in opposite directions end with items missing and others twice.
      </p>
      <h3>One line, three steps</h3>
      <p>
        <code>counter += 1</code> looks like one action. The processor does it in three: <strong>load</strong> the value into a register,{' '}
        <strong>add</strong> one to the register, <strong>store</strong> the register back. A thread can be stopped between any two of them — by the
        scheduler, or simply because another core runs at the same moment. If thread 1 loads 5, then thread 0 loads 5, adds and stores 6, and thread 1 then
        stores its own 6, two increments produced one: thread 1 overwrote thread 0's +1. That is a <em>lost update</em>, and the stage flags each one.
      </p>
      <h3>How low can it go?</h3>
      <p>
        With two threads each adding 1, K times over, you might guess the worst case is K. It is 2, for any K ≥ 2. Thread 0 loads 0 and sleeps; thread 1 does all
        but its last increment; thread 0 wakes and stores 1, erasing them; thread 1 loads that 1 and sleeps; thread 0 finishes its K − 1 other increments;
        thread 1 wakes and stores 2 over everything. Be the scheduler and produce it yourself, then let the explorer try every order: every value from 2 to 2K
        is reachable, and it gives you a schedule for each one to replay.
      </p>
      <h3>The fixes</h3>
      <p>
        An <strong>atomic</strong> fetch-and-add makes load, add and store one indivisible step: no schedule can get between them. A{' '}
        <strong>compare-and-swap</strong> loop computes the new value from what it read, then writes it only if the counter still holds what it read;
        otherwise it retries with the fresh value — nothing is lost, but contention costs retries. A <strong>mutex</strong> lets one thread at a time into
        the three steps; the others block (and a spinlock makes them burn a core waiting). Python's GIL makes each bytecode atomic, but <code>+=</code> is
        several bytecodes, so the tutorial's threads still lose updates.
      </p>
      <h3>Why correct is slow: the cache line travels</h3>
      <p>
        Each core has its own cache, and the caches agree through a protocol such as <strong>MESI</strong> (Modified, Exclusive, Shared, Invalid). To write,
        a core needs the line in M or E, which means invalidating every other copy. When threads on two cores increment one counter, the line holding it
        moves from core to core on every update — tens of nanoseconds each time instead of one. In parallel mode the stage shows the line's state in each
        core and adds up the transfers and their cost. That is why the real atomic run is several times slower than the racing one.
      </p>
      <h3>False sharing</h3>
      <p>
        Caches move whole lines of 64 bytes (128 on some chips). Two threads each with <em>their own</em> counter still fight if the two counters sit in
        the same line: no value is shared, yet every store pulls the line away from the other core. Padding the counters into separate lines removes the
        fight. Pick “Own counters” in parallel mode to watch the ping-pong, and measure it on this machine in the Real run tab — where the effect only
        shows if the two threads really run at once on two physical cores.
      </p>
    </article>
  );
}
