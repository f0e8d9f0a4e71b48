/**
 * Node's own JavaScript modules that event-loop examples use — `events`, `timers/promises`,
 * `util.promisify`, AbortController/AbortSignal, DOMException — written as Node 20's lib/*.js
 * writes them (same listener arrays, same `async function once`, same `async function*
 * setInterval`, same `.finally` when a signal is passed), and run by the interpreter itself,
 * so that every microtask they queue is the one real Node queues. Their frames show as
 * `name (node:events)` and their lines never move the program's current line.
 */

/** The source; a function expression called with the natives it needs. */
export const NODE_LIBRARY = `(function (natives) {
const { inspect, step, setTimeout, clearTimeout, setImmediate, clearImmediate, setInterval, clearInterval } = natives;
const kCapture = Symbol('kCapture');
const kCustomPromisify = Symbol.for('nodejs.util.promisify.custom');

class DOMException extends Error {
  constructor(message = '', name = 'Error') {
    super(message);
    Object.defineProperty(this, 'name', { value: name, enumerable: false });
    const codes = { AbortError: 20, TimeoutError: 23, DataCloneError: 25 };
    Object.defineProperty(this, 'code', { value: codes[name] ?? 0, enumerable: false });
  }
}

class AbortError extends Error {
  constructor(message = 'The operation was aborted', options = undefined) {
    super(message, options);
    this.code = 'ABORT_ERR';
    this.name = 'AbortError';
  }
}

class NodeError extends Error {
  constructor(code, message, Base) {
    super(message);
    this.code = code;
  }
}

// ---- EventTarget / AbortSignal / AbortController (listeners in order; onabort is one of them)
class AbortSignal {
  #aborted = false;
  #reason = undefined;
  #listeners = [];
  #onabort = null;
  get aborted() { return this.#aborted; }
  get reason() { return this.#reason; }
  get onabort() { return this.#onabort === null ? null : this.#onabort.fn; }
  set onabort(fn) {
    if (this.#onabort === null) {
      this.#onabort = { fn, once: false, handler: true };
      this.#listeners.push(this.#onabort);
    } else {
      this.#onabort.fn = fn;
    }
  }
  throwIfAborted() { if (this.#aborted) throw this.#reason; }
  addEventListener(type, fn, options = undefined) {
    if (type !== 'abort' || fn === null || fn === undefined) return;
    if (this.#listeners.some((l) => l.fn === fn && !l.handler)) return;
    this.#listeners.push({ fn, once: options !== undefined && options !== null && options.once === true, handler: false });
  }
  removeEventListener(type, fn) {
    if (type !== 'abort') return;
    const i = this.#listeners.findIndex((l) => l.fn === fn && !l.handler);
    if (i >= 0) this.#listeners.splice(i, 1);
  }
  static abort(reason = new DOMException('This operation was aborted', 'AbortError')) {
    const s = new AbortSignal();
    s.#aborted = true;
    s.#reason = reason;
    return s;
  }
  static timeout(ms) {
    const s = new AbortSignal();
    const t = setTimeout(() => s.#abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError')), ms);
    if (typeof t === 'object') t.unref();
    return s;
  }
  #abort(reason) {
    if (this.#aborted) return;
    this.#aborted = true;
    this.#reason = reason;
    const event = { type: 'abort', target: this };
    for (const l of [...this.#listeners]) {
      if (l.once) this.removeEventListener('abort', l.fn);
      if (typeof l.fn === 'function') l.fn.call(this, event);
      else if (l.fn !== null && typeof l.fn.handleEvent === 'function') l.fn.handleEvent(event);
    }
  }
  static _abort(signal, reason) { signal.#abort(reason); }
}

class AbortController {
  #signal = new AbortSignal();
  get signal() { return this.#signal; }
  abort(reason = new DOMException('This operation was aborted', 'AbortError')) {
    AbortSignal._abort(this.#signal, reason);
  }
}

// ---- events (lib/events.js)
function EventEmitter(opts) {
  EventEmitter.init.call(this, opts);
}
EventEmitter.prototype._events = undefined;
EventEmitter.prototype._eventsCount = 0;
EventEmitter.prototype._maxListeners = undefined;
Object.defineProperty(EventEmitter.prototype, kCapture, { value: false, writable: true, enumerable: false });
EventEmitter.defaultMaxListeners = 10;
EventEmitter.errorMonitor = Symbol('events.errorMonitor');
EventEmitter.init = function (opts) {
  if (this._events === undefined || this._events === Object.getPrototypeOf(this)._events) {
    this._events = { __proto__: null };
    this._eventsCount = 0;
  }
  this._maxListeners = this._maxListeners || undefined;
  this[kCapture] = false;
};
EventEmitter.prototype.setMaxListeners = function setMaxListeners(n) {
  this._maxListeners = n;
  return this;
};
EventEmitter.prototype.getMaxListeners = function getMaxListeners() {
  return this._maxListeners === undefined ? EventEmitter.defaultMaxListeners : this._maxListeners;
};
EventEmitter.prototype.emit = function emit(type, ...args) {
  let doError = type === 'error';
  const events = this._events;
  if (events !== undefined) {
    if (doError && events[EventEmitter.errorMonitor] !== undefined) this.emit(EventEmitter.errorMonitor, ...args);
    doError = doError && events.error === undefined;
  } else if (!doError) {
    return false;
  }
  if (doError) {
    let er;
    if (args.length > 0) er = args[0];
    if (er instanceof Error) throw er;
    const err = new NodeError('ERR_UNHANDLED_ERROR', er === undefined ? 'Unhandled error.' : 'Unhandled error. (' + inspect(er) + ')');
    err.context = er;
    throw err;
  }
  const handler = events[type];
  if (handler === undefined) return false;
  if (typeof handler === 'function') {
    step('emit(' + String(type) + ') calls its listener ' + (handler.listener || handler).name);
    handler.apply(this, args);
  } else {
    const len = handler.length;
    const listeners = handler.slice();
    for (let i = 0; i < len; ++i) {
      step('emit(' + String(type) + ') calls listener ' + (i + 1) + ' of ' + len + ' ' + (listeners[i].listener || listeners[i]).name);
      listeners[i].apply(this, args);
    }
  }
  return true;
};
function checkListener(listener) {
  if (typeof listener !== 'function') {
    const e = new TypeError('The "listener" argument must be of type function. Received ' + (listener === null ? 'null' : listener === undefined ? 'undefined' : 'type ' + typeof listener + ' (' + inspect(listener) + ')'));
    e.code = 'ERR_INVALID_ARG_TYPE';
    throw e;
  }
}
function _addListener(target, type, listener, prepend) {
  let existing;
  checkListener(listener);
  let events = target._events;
  if (events === undefined) {
    events = target._events = { __proto__: null };
    target._eventsCount = 0;
  } else {
    if (events.newListener !== undefined) {
      target.emit('newListener', type, listener.listener ?? listener);
      events = target._events;
    }
    existing = events[type];
  }
  if (existing === undefined) {
    events[type] = listener;
    ++target._eventsCount;
  } else if (typeof existing === 'function') {
    events[type] = prepend ? [listener, existing] : [existing, listener];
  } else if (prepend) {
    existing.unshift(listener);
  } else {
    existing.push(listener);
  }
  return target;
}
EventEmitter.prototype.addListener = function addListener(type, listener) {
  return _addListener(this, type, listener, false);
};
EventEmitter.prototype.on = EventEmitter.prototype.addListener;
EventEmitter.prototype.prependListener = function prependListener(type, listener) {
  return _addListener(this, type, listener, true);
};
function _onceWrap(target, type, listener) {
  const state = { fired: false, wrapFn: undefined, target, type, listener };
  const wrapped = function (...args) {
    if (!state.fired) {
      state.target.removeListener(state.type, state.wrapFn);
      state.fired = true;
      return state.listener.apply(state.target, args);
    }
  };
  const bound = wrapped.bind(state);
  bound.listener = listener;
  state.wrapFn = bound;
  return bound;
}
EventEmitter.prototype.once = function once(type, listener) {
  checkListener(listener);
  this.on(type, _onceWrap(this, type, listener));
  return this;
};
EventEmitter.prototype.prependOnceListener = function prependOnceListener(type, listener) {
  checkListener(listener);
  this.prependListener(type, _onceWrap(this, type, listener));
  return this;
};
EventEmitter.prototype.removeListener = function removeListener(type, listener) {
  checkListener(listener);
  const events = this._events;
  if (events === undefined) return this;
  const list = events[type];
  if (list === undefined) return this;
  if (list === listener || list.listener === listener) {
    this._eventsCount -= 1;
    if (this._eventsCount === 0) {
      this._events = { __proto__: null };
    } else {
      delete events[type];
      if (events.removeListener) this.emit('removeListener', type, list.listener || listener);
    }
  } else if (typeof list !== 'function') {
    let position = -1;
    for (let i = list.length - 1; i >= 0; i--) {
      if (list[i] === listener || list[i].listener === listener) {
        position = i;
        break;
      }
    }
    if (position < 0) return this;
    if (position === 0) list.shift();
    else list.splice(position, 1);
    if (list.length === 1) events[type] = list[0];
    if (events.removeListener !== undefined) this.emit('removeListener', type, listener);
  }
  return this;
};
EventEmitter.prototype.off = EventEmitter.prototype.removeListener;
EventEmitter.prototype.removeAllListeners = function removeAllListeners(type) {
  const events = this._events;
  if (events === undefined) return this;
  if (events.removeListener === undefined) {
    if (type === undefined) {
      this._events = { __proto__: null };
      this._eventsCount = 0;
    } else if (events[type] !== undefined) {
      if (--this._eventsCount === 0) this._events = { __proto__: null };
      else delete events[type];
    }
    return this;
  }
  if (type === undefined) {
    for (const key of Object.keys(events)) {
      if (key === 'removeListener') continue;
      this.removeAllListeners(key);
    }
    this.removeAllListeners('removeListener');
    this._events = { __proto__: null };
    this._eventsCount = 0;
    return this;
  }
  const listeners = events[type];
  if (typeof listeners === 'function') {
    this.removeListener(type, listeners);
  } else if (listeners !== undefined) {
    for (let i = listeners.length - 1; i >= 0; i--) this.removeListener(type, listeners[i]);
  }
  return this;
};
function _listeners(target, type, unwrap) {
  const events = target._events;
  if (events === undefined) return [];
  const l = events[type];
  if (l === undefined) return [];
  if (typeof l === 'function') return unwrap ? [l.listener || l] : [l];
  return unwrap ? l.map((x) => x.listener || x) : l.slice();
}
EventEmitter.prototype.listeners = function listeners(type) {
  return _listeners(this, type, true);
};
EventEmitter.prototype.rawListeners = function rawListeners(type) {
  return _listeners(this, type, false);
};
EventEmitter.prototype.listenerCount = function listenerCount(type) {
  const events = this._events;
  if (events === undefined) return 0;
  const l = events[type];
  if (typeof l === 'function') return 1;
  return l === undefined ? 0 : l.length;
};
EventEmitter.prototype.eventNames = function eventNames() {
  return this._eventsCount > 0 ? [...Object.keys(this._events), ...Object.getOwnPropertySymbols(this._events)] : [];
};
EventEmitter.listenerCount = function (emitter, type) {
  return emitter.listenerCount(type);
};
async function once(emitter, name, options = {}) {
  const signal = options === null || options === undefined ? undefined : options.signal;
  if (signal !== undefined && signal !== null && signal.aborted) throw new AbortError(undefined, { cause: signal.reason });
  return new Promise((resolve, reject) => {
    const errorListener = (err) => {
      emitter.removeListener(name, resolver);
      if (signal != null) signal.removeEventListener('abort', abortListener);
      reject(err);
    };
    const resolver = (...args) => {
      if (typeof emitter.removeListener === 'function') emitter.removeListener('error', errorListener);
      if (signal != null) signal.removeEventListener('abort', abortListener);
      resolve(args);
    };
    if (typeof emitter.once === 'function') emitter.once(name, resolver);
    else emitter.addEventListener(name, resolver, { once: true });
    if (name !== 'error' && typeof emitter.once === 'function') emitter.once('error', errorListener);
    function abortListener() {
      emitter.removeListener(name, resolver);
      emitter.removeListener('error', errorListener);
      reject(new AbortError(undefined, { cause: signal === null || signal === undefined ? undefined : signal.reason }));
    }
    if (signal != null) signal.addEventListener('abort', abortListener, { once: true });
  });
}
EventEmitter.once = once;
EventEmitter.EventEmitter = EventEmitter;

// ---- timers/promises (lib/timers/promises.js)
function cancelListenerHandler(timer, clear, reject, signal) {
  if (!timer._destroyed) {
    clear(timer);
    reject(new AbortError(undefined, { cause: signal === null || signal === undefined ? undefined : signal.reason }));
  }
}
function checkOptions(options) {
  if (options === null || typeof options !== 'object') {
    const e = new TypeError('The "options" argument must be of type object.' + (options === null ? ' Received null' : ' Received type ' + typeof options + ' (' + inspect(options) + ')'));
    e.code = 'ERR_INVALID_ARG_TYPE';
    throw e;
  }
}
function timersSetTimeout(after, value, options = {}) {
  try {
    checkOptions(options);
  } catch (err) {
    return Promise.reject(err);
  }
  const { signal, ref = true } = options;
  if (signal !== undefined && signal !== null && signal.aborted) return Promise.reject(new AbortError(undefined, { cause: signal.reason }));
  let oncancel;
  const ret = new Promise((resolve, reject) => {
    const timeout = setTimeout(resolve, after, value);
    if (!ref) timeout.unref();
    if (signal) {
      oncancel = () => cancelListenerHandler(timeout, clearTimeout, reject, signal);
      signal.addEventListener('abort', oncancel);
    }
  });
  return oncancel !== undefined ? ret.finally(() => signal.removeEventListener('abort', oncancel)) : ret;
}
function timersSetImmediate(value, options = {}) {
  try {
    checkOptions(options);
  } catch (err) {
    return Promise.reject(err);
  }
  const { signal } = options;
  if (signal !== undefined && signal !== null && signal.aborted) return Promise.reject(new AbortError(undefined, { cause: signal.reason }));
  let oncancel;
  const ret = new Promise((resolve, reject) => {
    const immediate = setImmediate(resolve, value);
    if (signal) {
      oncancel = () => cancelListenerHandler(immediate, clearImmediate, reject, signal);
      signal.addEventListener('abort', oncancel);
    }
  });
  return oncancel !== undefined ? ret.finally(() => signal.removeEventListener('abort', oncancel)) : ret;
}
async function* timersSetInterval(after, value, options = {}) {
  checkOptions(options);
  const { signal, ref = true } = options;
  if (signal !== undefined && signal !== null && signal.aborted) throw new AbortError(undefined, { cause: signal.reason });
  let onCancel;
  let interval;
  try {
    let notYielded = 0;
    let callback;
    interval = setInterval(() => {
      notYielded++;
      if (callback) {
        callback();
        callback = undefined;
      }
    }, after);
    if (!ref) interval.unref();
    if (signal) {
      onCancel = () => {
        clearInterval(interval);
        if (callback) {
          callback(Promise.reject(new AbortError(undefined, { cause: signal.reason })));
          callback = undefined;
        }
      };
      signal.addEventListener('abort', onCancel, { once: true });
    }
    while (!(signal !== undefined && signal !== null && signal.aborted)) {
      if (notYielded === 0) {
        await new Promise((resolve) => (callback = resolve));
      }
      for (; notYielded > 0; notYielded--) {
        yield value;
      }
    }
    throw new AbortError(undefined, { cause: signal === undefined || signal === null ? undefined : signal.reason });
  } finally {
    clearInterval(interval);
    if (signal !== undefined && signal !== null) signal.removeEventListener('abort', onCancel);
  }
}
const timersPromises = { setTimeout: timersSetTimeout, setImmediate: timersSetImmediate, setInterval: timersSetInterval };

// ---- util.promisify (lib/internal/util.js)
function promisify(original) {
  if (typeof original !== 'function') {
    const e = new TypeError('The "original" argument must be of type function.' + (original === undefined ? ' Received undefined' : ' Received ' + inspect(original)));
    e.code = 'ERR_INVALID_ARG_TYPE';
    throw e;
  }
  if (original === setTimeout) return timersSetTimeout;
  if (original === setImmediate) return timersSetImmediate;
  if (original[kCustomPromisify]) {
    const fn = original[kCustomPromisify];
    return fn;
  }
  function fn(...args) {
    return new Promise((resolve, reject) => {
      args.push((err, ...values) => {
        if (err) return reject(err);
        resolve(values[0]);
      });
      original.apply(this, args);
    });
  }
  Object.setPrototypeOf(fn, Object.getPrototypeOf(original));
  return fn;
}
promisify.custom = kCustomPromisify;

return { EventEmitter, timersPromises, promisify, AbortController, AbortSignal, DOMException, AbortError };
})`;
