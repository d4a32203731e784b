// Installed into every page the browser tests open, before the page's own scripts: each JSON answer of a GET
// (and each pushed progress view) is handed to the UI wrapped in a Proxy that reports, as a console error, every
// field the UI reads that the server did not send. The tests fail on console errors, so a name the server does
// not send (an old spelling, a guess) fails them.
(() => {
  const sources = new Map(); // JSON text → where it came from, until the UI parses it
  const reported = new Set();
  const proxies = new WeakMap();
  const ignored = new Set(['toJSON', 'then']); // asked by JSON.stringify and by await, not by the UI's code

  const watch = (value, where) => {
    if (value === null || typeof value !== 'object') return value;
    if (proxies.has(value)) return proxies.get(value);
    const proxy = new Proxy(value, {
      get(target, key, receiver) {
        if (typeof key !== 'string') return Reflect.get(target, key, receiver);
        if (!(key in target) && !ignored.has(key)) {
          const path = `${where}.${key}`;
          if (!reported.has(path)) {
            reported.add(path);
            console.error(`UI read a field the server does not send: ${path}`);
          }
        }
        const v = Reflect.get(target, key, receiver);
        const own = Object.prototype.hasOwnProperty.call(target, key);
        return own ? watch(v, Array.isArray(target) ? `${where}[]` : `${where}.${key}`) : v;
      },
    });
    proxies.set(value, proxy);
    return proxy;
  };

  const fetch0 = window.fetch;
  window.fetch = async (input, init) => {
    const response = await fetch0(input, init);
    const method = ((init && init.method) || 'GET').toUpperCase();
    if (method === 'GET' && response.ok) {
      const url = new URL(typeof input === 'string' ? input : input.url, location.href);
      sources.set(await response.clone().text(), `GET ${url.pathname}`);
    }
    return response;
  };

  const add0 = EventSource.prototype.addEventListener;
  EventSource.prototype.addEventListener = function (type, listener, options) {
    return add0.call(this, type, (event) => {
      // not named by its URL: Browsers.scriptErrors leaves out messages about the stream's URL
      sources.set(event.data, `pushed ${type} event`);
      return listener.call(this, event);
    }, options);
  };

  const parse0 = JSON.parse;
  JSON.parse = function (text, reviver) {
    const value = parse0.call(this, text, reviver);
    const where = sources.get(text);
    if (where === undefined) return value;
    sources.delete(text);
    return watch(value, where);
  };
})();
