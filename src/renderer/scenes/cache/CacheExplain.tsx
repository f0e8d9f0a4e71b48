/** The lesson, in the project's own words, following the seed tutorial's "Big O is not the whole story". */
export function CacheExplain() {
  return (
    <article className="explain" data-testid="cache.explain">
      <h2>Same Big O, different time</h2>
      <p>
        Summing a 32 × 32 matrix row by row and summing it column by column both read each element exactly once: O(n²) either
        way, the same 1,024 reads. Big O counts the steps; it says nothing about how long each step waits. On a real machine one
        loop can be ten times slower than the other, and the difference is the cache.
      </p>
      <p>
        Memory is not read one number at a time. It moves in <strong>lines</strong> (64 bytes on most CPUs, 16 on the small
        teaching machine here). The first read of a line misses and waits for the level below; the next reads in that line hit
        and cost almost nothing. Row-major order walks along the line it just fetched. Column-major order jumps a whole row
        ahead on every read, so each read lands on a different line — and once the lines of one column no longer fit, each
        read misses again.
      </p>
      <p>
        On the small teaching machine the default 32 × 32 matrix (8 KiB) is larger than any of its caches: every
        column-major read misses all the way to memory while row-major still hits every other read — about 3.4× slower, for
        the very same O(n²) loop. Shrink it to 16 × 16 (2 KiB) and it fits in the 2 KiB L3: column-major then pays only trips
        to L2 and L3, about 1.2× slower. (On the ~2012 machine a 32 KiB L1 swallows a 64 × 64 matrix whole, and the two orders tie.)
      </p>
      <h3>Tag, index, offset</h3>
      <p>
        A cache with <em>S</em> sets of <em>W</em> ways of <em>B</em>-byte lines splits every address in three.{' '}
        <strong>Offset</strong> = address mod <em>B</em>: which byte inside the line. <strong>Index</strong> (the set) = line
        number mod <em>S</em>, where the line number is address ÷ <em>B</em>: the one set the line may live in.{' '}
        <strong>Tag</strong> = line number ÷ <em>S</em>: stored with the line, to tell apart the many lines that share a set.
        When <em>B</em> and <em>S</em> are powers of two these are just bit fields: the low bits are the offset, the next ones
        the index, the rest the tag. A set holds <em>W</em> lines; when a new one arrives, the least recently used is evicted
        (written back first if it is dirty — changed since it was read).
      </p>
      <h3>AMAT</h3>
      <p>
        The <strong>average memory access time</strong> puts the levels together: AMAT = L1 time + L1 miss rate × (L2 time +
        L2 miss rate × (… + memory time)), each miss rate counted among the accesses that reached that level. With a 1 ns L1 and
        a 100 ns trip to memory, going from 95 % to 50 % L1 hits is the difference between a few nanoseconds per read and
        dozens.
      </p>
      <p>
        On the stage each access flashes its line when it hits in L1; a miss travels down to the level that had the line and
        back, taking that level’s latency in machine time. The charts show both loops over the same clock: the accesses done,
        the L1 hit rate and the AMAT so far.
      </p>
      <p>
        The <strong>Real run</strong> tab measures this machine’s memory mountain: how fast it reads as the working set grows
        past each cache and as the stride skips more of each line.
      </p>
    </article>
  );
}
