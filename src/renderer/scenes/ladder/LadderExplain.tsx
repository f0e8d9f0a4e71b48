/** The lesson, in the project's own words, following the seed tutorial's "order of magnitude of speed". */
export function LadderExplain() {
  return (
    <article className="explain" data-testid="ladder.explain">
      <h2>Orders of magnitude</h2>
      <p>
        “Python is slow” usually means something else: a program spends its time <em>waiting</em>. A CPU cycle takes a
        fraction of a nanosecond; fetching from main memory takes about a hundred; a random SSD read a hundred thousand; a
        packet to Europe and back, a hundred and fifty million. Each rung of this ladder is roughly ten to a hundred times
        slower than the one above.
      </p>
      <p>
        The right-hand column rescales the ladder to human time: if an L1 cache hit took one second, a trip to main memory
        would take minutes, a random SSD read days, and the transatlantic round trip years. That is why the speed of the
        language matters for CPU-bound work and hardly at all for I/O-bound work: when a program waits for the network, any
        language waits just as long.
      </p>
      <p>
        Play the request down the ladder. The time axis is logarithmic — one dilation cannot show 0.5 ns and 150 ms both —
        so every factor of ten takes the same time on screen. Switch the axis to linear to feel the real proportions.
      </p>
      <p>
        The ~2012 and ~2020 tables are famous estimates; the <strong>Real run</strong> tab measures <em>this</em> machine:
        a pointer chase through ever larger working sets finds where each cache ends, and its latencies become the “This
        machine” table.
      </p>
    </article>
  );
}
