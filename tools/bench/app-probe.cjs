'use strict';
// Preloaded into the API under test (node -r) by the benchmark, and driven over the IPC channel:
// - "capture-start"/"capture-stop": record the SQL text and parameters the app sends to PostgreSQL meanwhile, so
//   the raw-SQL ceiling replays exactly the query the API ran;
// - "profile-start"/"profile-stop": take a V8 CPU profile of the app (--profile) and write it to a file.
// Outside those windows the only cost is one boolean test per query.
const { writeFileSync } = require('node:fs');
const inspector = require('node:inspector');
const pg = require('pg');

/** @typedef {{ text: string, values: unknown[], name: string | undefined }} CapturedStatement */
/** @typedef {{ type: 'pu-bench', action: string, id: number, path?: string }} ProbeMessage */

/** @type {CapturedStatement[] | null} */
let recording = null;
/** @type {(this: unknown, ...args: unknown[]) => unknown} */
const query = pg.Client.prototype.query;
/** @type {(this: unknown, ...args: unknown[]) => unknown} */
const recordingQuery = function (...args) {
  const [config, values] = args;
  if (recording) {
    const options =
      config !== null && typeof config === 'object' ? /** @type {Record<string, unknown>} */ (config) : {};
    const text = typeof config === 'string' ? config : options['text'];
    const params = Array.isArray(values) ? values : Array.isArray(options['values']) ? options['values'] : [];
    const name = typeof options['name'] === 'string' ? options['name'] : undefined;
    if (typeof text === 'string') recording.push({ text, values: params.slice(), name });
  }
  return query.apply(this, args);
};
pg.Client.prototype.query = /** @type {typeof pg.Client.prototype.query} */ (recordingQuery);

/** @type {inspector.Session | null} */
let session = null;
/**
 * @param {string} method
 * @param {object} [params]
 * @returns {Promise<unknown>} the inspector's answer, whose shape depends on the method
 */
const post = (method, params) =>
  new Promise((resolve, reject) => {
    if (!session) throw new Error('no profiling session');
    session.post(method, params, (error, result) => (error ? reject(error) : resolve(result)));
  });

/** @type {Record<string, (message: ProbeMessage) => Promise<object>>} */
const actions = {
  'capture-start': () => {
    recording = [];
    return Promise.resolve({});
  },
  'capture-stop': () => {
    const statements = recording || [];
    recording = null;
    return Promise.resolve({ statements });
  },
  'profile-start': async () => {
    session = new inspector.Session();
    session.connect();
    await post('Profiler.enable');
    await post('Profiler.setSamplingInterval', { interval: 250 });
    await post('Profiler.start');
    return {};
  },
  'profile-stop': async (message) => {
    const { profile } = /** @type {{ profile: object }} */ (await post('Profiler.stop'));
    session?.disconnect();
    session = null;
    if (!message.path) throw new Error('profile-stop needs a path');
    writeFileSync(message.path, JSON.stringify(profile));
    return { path: message.path };
  },
};

process.on('message', (/** @type {Partial<ProbeMessage> | null} */ message) => {
  if (!message || message.type !== 'pu-bench' || !message.action) return;
  const action = actions[message.action];
  if (!action) return;
  const probe = /** @type {ProbeMessage} */ (message);
  action(probe).then(
    (result) => process.send?.({ type: 'pu-bench', id: probe.id, ...result }),
    (error) => process.send?.({ type: 'pu-bench', id: probe.id, error: String(error) }),
  );
});
// The channel must not keep the process alive once the app has shut down.
if (process.channel) process.channel.unref();
