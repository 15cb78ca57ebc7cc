import { ensureBuilt } from '../bench/app-process';
import { generateRequest } from './generate';
import { send } from './http';
import { type OpenApiDocument, operationsOf } from './openapi';
import { parseOptions } from './options';
import { Random } from './random';
import { Tally } from './report';
import { startTarget, type Target } from './target';
import { World } from './world';

/**
 * `npm run fuzz`: generated requests to every operation of the API's own OpenAPI document, as every role and
 * as nobody. The property: no answer is a 5xx, none is left hanging, and the API stays up.
 */
async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  if (!options) return 0;
  let target: Target | null = null;
  if (!options.url) {
    ensureBuilt(options.build);
    target = await startTarget(options.port);
  }
  const baseUrl = options.url ?? target?.baseUrl ?? '';
  try {
    const docs = await fetch(`${baseUrl}/api/docs-json`);
    if (!docs.ok) throw new Error(`GET /api/docs-json answered ${docs.status}`);
    const operations = operationsOf((await docs.json()) as OpenApiDocument);
    const world = new World(baseUrl);
    await world.setUp();
    const identities = world.allIdentities();
    console.log(
      `Fuzzing ${operations.length} operations as ${identities.join(', ')}: ${options.requests} requests, ` +
        `seed ${options.seed}, concurrency ${options.concurrency}`,
    );
    const rng = new Random(options.seed);
    const tally = new Tally();
    const started = Date.now();
    let next = 0;
    const worker = async () => {
      while (next < options.requests) {
        const index = next++;
        const op = rng.pick(operations);
        const who = rng.pick(world.identitiesFor(op));
        const req = generateRequest(rng, world, op, who);
        const outcome = await send(baseUrl, req);
        const label = tally.add(op.key, outcome);
        if (options.verbose) console.log(`#${index} ${label} ${op.key} as ${who}`);
        world.learn(op.path, outcome);
        const failed =
          (outcome.kind === 'answered' && outcome.status >= 500) ||
          outcome.kind === 'timeout' ||
          (outcome.kind === 'closed' && target?.exited());
        if (failed) {
          const id = outcome.kind === 'answered' ? outcome.headers['x-request-id'] : undefined;
          const log = typeof id === 'string' && target ? target.logLines.filter((l) => l.includes(id)) : [];
          tally.failures.push({ index, who, op: op.key, req, outcome, log });
        }
        if (target?.exited())
          throw new Error(`The API died at request #${index}:\n${target.logLines.slice(-30).join('\n')}`);
        // A session the API ended (sign-out, a reset by the administrator) is signed in again.
        const ended =
          outcome.kind === 'answered' &&
          outcome.status === 401 &&
          req.headers['cookie'] === world.session(who).cookieHeader();
        if (ended && world.session(who).username && op.key !== 'POST /api/auth/login') await world.recover(who);
      }
    };
    await Promise.all(Array.from({ length: options.concurrency }, worker));
    tally.print(options.requests, (Date.now() - started) / 1000);
    const replay = `npm run fuzz -- --requests ${options.requests} --seed ${options.seed} --concurrency ${options.concurrency}`;
    if (tally.failures.length) {
      console.error(`\n✘ ${tally.failures.length} request(s) answered 5xx or not at all (replay: ${replay})`);
      return 1;
    }
    console.log(`\n✔ No 5xx and no request left unanswered (replay: ${replay})`);
    return 0;
  } finally {
    await target?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
