/** The lesson, following the tutorial's "Asynchronous Programming / Event-Driven Programming". */
export function EventLoopExplain() {
  return (
    <article className="explain" data-testid="eventloop.explain">
      <h2>The event loop</h2>
      <p>
        The tutorial says asyncio is &ldquo;in some sense serial with indirection&rdquo;, and that is exactly what you can step
        through here. There is one thread and one call stack. Nothing runs in parallel with your code: when a callback is
        on the stack, everything else waits in a queue. What an event loop buys is that <strong>waiting</strong> costs
        nothing — a timer or a file read is handed to the operating system (libuv&apos;s timers and thread pool in Node),
        and the thread is free to run other callbacks until the answer comes back.
      </p>
      <p>
        The tutorial lists three ways to write asynchronous code: <strong>callbacks</strong> (the nesting of{' '}
        <code>fs.readFile(…, () =&gt; setTimeout(…, () =&gt; …))</code>), <strong>futures/promises</strong> (a flat chain
        of <code>.then</code>) and <strong>async/await</strong> (which reads like serial code). They are the same machine:
        an <code>await</code> is a <code>then</code> on a promise, and the rest of the function is its callback, queued as a
        microtask. That is why a microtask jumps ahead of a timer that was due earlier: microtasks run as soon as the
        current callback ends, timers only when the loop comes round to its timers phase.
      </p>
      <p>
        The queues have an order. In Node, after every callback the <code>process.nextTick</code> queue is drained, then the
        promise jobs; then the loop moves on: timers, I/O (poll), <code>setImmediate</code> (check). In a browser one task
        runs, then all microtasks, and about every 16.7 ms the page may render, running the{' '}
        <code>requestAnimationFrame</code> callbacks first. Both are deterministic, with one famous exception: at the top
        of a Node script, <code>setTimeout(0)</code> against <code>setImmediate</code> depends on whether a millisecond
        has passed when the loop first looks at its timers — a real race, and the scene says so.
      </p>
      <p>
        &ldquo;You don&apos;t need asyncio to do asynchronous programming&rdquo;, and you don&apos;t need threads to wait on
        many things at once: that is the C10k problem — ten thousand connections each mostly waiting. A thread per
        connection pays a stack and a context switch for every one of them; an event loop pays a queue entry.
      </p>
    </article>
  );
}
