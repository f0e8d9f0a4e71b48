/** The lesson, in the project's own words, following the tutorial's "The Big O, not just Japanese Batman". */
export function BigOExplain() {
  return (
    <article className="explain" data-testid="bigo.explain">
      <h2>The Big O</h2>
      <p>
        Big O notation says how the cost of an operation grows with the amount of data, ignoring constant factors. It is a
        statement about <em>shape</em>, not speed: an O(n) loop on a fast machine still loses to an O(1) lookup once n is large
        enough. Time and space both have a Big O — the work done and the memory held.
      </p>
      <p>
        A Python <code>list</code> is one contiguous array of pointers with spare room at the end. <strong>append</strong> writes into
        a spare slot; when there is none, CPython asks for a bigger array (about an eighth more, rounded to 4 slots) and copies the
        pointers over. Those copies grow with n but happen rarely, so n appends cost about n in total — amortised O(1) each, a
        slope of 1 on the log-log chart. <strong>insert(0, x)</strong> has no room at the front: every element shifts one slot
        right, n moves for a list of n, and n inserts cost 1 + 2 + … + n ≈ n²/2 — slope 2. <code>pop(0)</code> is the same
        in reverse. A list also gives memory back: once it falls below half its slots, it shrinks.
      </p>
      <p>
        <strong>collections.deque</strong> is a chain of 64-slot blocks linked both ways. Both ends are one step away, so{' '}
        <code>append</code>, <code>appendleft</code>, <code>pop</code> and <code>popleft</code> move nothing: a new block opens when an
        end runs off its block, and is freed when the end leaves it. The price is indexing: reaching the middle walks the blocks.
      </p>
      <p>
        The same arithmetic explains the tutorial's other examples. Adding strings with <code>s = s + t</code> builds a new string
        every time, copying everything so far; <code>''.join(parts)</code> measures once and copies once. A <strong>tuple</strong>
        cannot grow, so it holds exactly its elements — smaller than a list of the same length. And the anagram question has three
        answers of three shapes: compare every permutation (n!), sort both words (n log n), or count the letters (n).
      </p>
      <p>
        The <strong>Real run</strong> tab times the same operations on JavaScript's own structures on this machine. Where V8 and
        CPython differ, the panel says so: that difference is part of the lesson.
      </p>
    </article>
  );
}
