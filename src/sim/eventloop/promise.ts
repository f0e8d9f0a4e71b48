/**
 * Promises exactly as ECMAScript specifies them (§27.2): resolving functions with a shared
 * "already resolved" flag, NewPromiseResolveThenableJob for thenables (the extra tick of
 * resolving with a promise), PerformPromiseThen, PromiseReactionJob and the host's rejection
 * tracker. The job queue and function calls belong to the host ({@link PromiseHost}).
 */
import { JSFunction, JSObject, ThrowSignal, type Value } from './values';

/** What a job looks like in the microtask queue (for the trace). */
export interface JobLabel {
  readonly label: string;
  readonly line: number | null;
}

/** What promises need from the interpreter and the runtime. */
export interface PromiseHost {
  /** Appends a job to the microtask (promise job) queue. */
  enqueueJob(job: () => void, label: JobLabel): void;
  /** Calls a function synchronously; a throw of the program comes back as ThrowSignal. */
  call(fn: JSFunction, thisValue: Value, args: readonly Value[]): Value;
  /** Reads a property (may throw ThrowSignal). */
  get(obj: Value, key: string): Value;
  /** HostPromiseRejectionTracker. */
  track(promise: JSPromise, operation: 'reject' | 'handle'): void;
  /** A built-in function of this realm. */
  native(name: string, fn: (thisValue: Value, args: readonly Value[]) => Value): JSFunction;
  /** The TypeError a self-resolution throws. */
  typeError(message: string): Value;
}

/** A reaction: a handler and the capability it settles (none for await). */
interface Reaction {
  readonly capability: Capability | null;
  readonly handler: JSFunction | null;
  readonly label: JobLabel;
}

/** A promise with its resolving functions. */
export interface Capability {
  readonly promise: JSPromise;
  readonly resolve: (v: Value) => void;
  readonly reject: (v: Value) => void;
}

/** A native promise. */
export class JSPromise extends JSObject {
  state: 'pending' | 'fulfilled' | 'rejected' = 'pending';
  result: Value = undefined;
  handled = false;
  fulfillReactions: Reaction[] = [];
  rejectReactions: Reaction[] = [];
  constructor(proto: JSObject | null) {
    super(proto);
    this.className = 'Promise';
  }
}

/** Promise operations bound to one host. */
export class Promises {
  constructor(
    private readonly host: PromiseHost,
    private readonly proto: JSObject,
  ) {}

  /** A new pending promise with its resolving functions (CreateResolvingFunctions). */
  capability(): Capability {
    const promise = new JSPromise(this.proto);
    const { resolve, reject } = this.resolvingFunctions(promise);
    return { promise, resolve, reject };
  }

  /** CreateResolvingFunctions: one shared alreadyResolved flag. */
  resolvingFunctions(promise: JSPromise): { resolve: (v: Value) => void; reject: (v: Value) => void } {
    let alreadyResolved = false;
    const resolve = (resolution: Value): void => {
      if (alreadyResolved) return;
      alreadyResolved = true;
      this.resolveWith(promise, resolution);
    };
    const reject = (reason: Value): void => {
      if (alreadyResolved) return;
      alreadyResolved = true;
      this.rejectPromise(promise, reason);
    };
    return { resolve, reject };
  }

  /** The body of a promise resolve function after the alreadyResolved check. */
  private resolveWith(promise: JSPromise, resolution: Value): void {
    if (resolution === promise) {
      this.rejectPromise(promise, this.host.typeError('Chaining cycle detected for promise #<Promise>'));
      return;
    }
    if (!(resolution instanceof JSObject)) {
      this.fulfill(promise, resolution);
      return;
    }
    let then: Value;
    try {
      then = this.host.get(resolution, 'then');
    } catch (e) {
      if (e instanceof ThrowSignal) {
        this.rejectPromise(promise, e.value);
        return;
      }
      throw e;
    }
    if (!(then instanceof JSFunction)) {
      this.fulfill(promise, resolution);
      return;
    }
    const thenFn = then;
    const thenable = resolution;
    this.host.enqueueJob(
      () => {
        const fns = this.resolvingFunctions(promise);
        try {
          this.host.call(thenFn, thenable, [this.wrap('resolve', fns.resolve), this.wrap('reject', fns.reject)]);
        } catch (e) {
          if (e instanceof ThrowSignal) fns.reject(e.value);
          else throw e;
        }
      },
      { label: resolution instanceof JSPromise ? 'resolve with a promise: call its then' : 'resolve with a thenable: call its then', line: null },
    );
  }

  /** A host function as a program-callable function. */
  wrap(name: string, fn: (v: Value) => void): JSFunction {
    return this.host.native(name, (_t, args) => {
      fn(args[0]);
      return undefined;
    });
  }

  private fulfill(promise: JSPromise, value: Value): void {
    const reactions = promise.fulfillReactions;
    promise.state = 'fulfilled';
    promise.result = value;
    promise.fulfillReactions = [];
    promise.rejectReactions = [];
    for (const r of reactions) this.enqueueReaction(r, value, 'fulfilled');
  }

  /** RejectPromise. */
  rejectPromise(promise: JSPromise, reason: Value): void {
    const reactions = promise.rejectReactions;
    promise.state = 'rejected';
    promise.result = reason;
    promise.fulfillReactions = [];
    promise.rejectReactions = [];
    if (!promise.handled) this.host.track(promise, 'reject');
    for (const r of reactions) this.enqueueReaction(r, reason, 'rejected');
  }

  private enqueueReaction(reaction: Reaction, argument: Value, type: 'fulfilled' | 'rejected'): void {
    this.host.enqueueJob(() => {
      let result: Value;
      let ok = true;
      if (reaction.handler === null) {
        result = argument;
        ok = type === 'fulfilled';
      } else {
        try {
          result = this.host.call(reaction.handler, undefined, [argument]);
        } catch (e) {
          if (!(e instanceof ThrowSignal)) throw e;
          result = e.value;
          ok = false;
        }
      }
      const cap = reaction.capability;
      if (cap === null) return;
      if (ok) cap.resolve(result);
      else cap.reject(result);
    }, reaction.label);
  }

  /** PerformPromiseThen. Handlers that are not functions pass the value through. */
  performThen(promise: JSPromise, onFulfilled: Value, onRejected: Value, capability: Capability | null, label: JobLabel): void {
    const f = onFulfilled instanceof JSFunction ? onFulfilled : null;
    const r = onRejected instanceof JSFunction ? onRejected : null;
    const fr: Reaction = { capability, handler: f, label };
    const rr: Reaction = { capability, handler: r, label };
    if (promise.state === 'pending') {
      promise.fulfillReactions.push(fr);
      promise.rejectReactions.push(rr);
    } else if (promise.state === 'fulfilled') {
      this.enqueueReaction(fr, promise.result, 'fulfilled');
    } else {
      if (!promise.handled) this.host.track(promise, 'handle');
      this.enqueueReaction(rr, promise.result, 'rejected');
    }
    promise.handled = true;
  }

  /** PromiseResolve(%Promise%, x): a native promise is returned as is. */
  promiseResolve(x: Value): JSPromise {
    if (x instanceof JSPromise && this.host.get(x, 'constructor') === this.host.get(this.proto, 'constructor')) return x;
    const cap = this.capability();
    cap.resolve(x);
    return cap.promise;
  }

  /** A promise already rejected with `reason`. */
  rejected(reason: Value): JSPromise {
    const cap = this.capability();
    cap.reject(reason);
    return cap.promise;
  }
}
