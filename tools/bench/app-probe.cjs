'use strict';
// Preloaded into the API under test (node -r) by the benchmark, and driven over the IPC channel:
// - "capture-start"/"capture-stop": record the SQL text and parameters the app sends to PostgreSQL meanwhile, so
//   the raw-SQL ceiling replays exactly the query the API ran;
// - "profile-start"/"profile-stop": take a V8 CPU profile of the app (--profile) and write it to a file.
// Outside those windows the only cost is one boolean test per query.
const { writeFileSync } = require('node:fs');
const inspector = require('node:inspector');
const pg = require('pg');

let recording = null;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (config, values, callback) {
  if (recording) {
    const text = typeof config === 'string' ? config : config && config.text;
    const params = Array.isArray(values) ? values : config && Array.isArray(config.values) ? config.values : [];
    const name = config && typeof config === 'object' && typeof config.name === 'string' ? config.name : undefined;
    if (typeof text === 'string') recording.push({ text, values: params.slice(), name });
  }
  return query.apply(this, arguments);
};

let session = null;
const post = (method, params) =>
  new Promise((resolve, reject) =>
    session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))),
  );

const actions = {
  'capture-start': async () => {
    recording = [];
    return {};
  },
  'capture-stop': async () => {
    const statements = recording || [];
    recording = null;
    return { statements };
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
    const { profile } = await post('Profiler.stop');
    session.disconnect();
    session = null;
    writeFileSync(message.path, JSON.stringify(profile));
    return { path: message.path };
  },
};

process.on('message', (message) => {
  if (!message || message.type !== 'pu-bench' || !actions[message.action]) return;
  actions[message.action](message).then(
    (result) => process.send({ type: 'pu-bench', id: message.id, ...result }),
    (error) => process.send({ type: 'pu-bench', id: message.id, error: String(error) }),
  );
});
// The channel must not keep the process alive once the app has shut down.
if (process.channel) process.channel.unref();
