// Entry point of `npm run bench:web`: re-runs Node with tools/bench/tsconfig.json (see bench-api.ts for why) on
// web-main.ts, passing the arguments and the exit code through.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const child = spawn(
  process.execPath,
  ['-r', '@swc-node/register', join(__dirname, 'web-main.ts'), ...process.argv.slice(2)],
  {
    stdio: 'inherit',
    env: { ...process.env, SWC_NODE_PROJECT: join(__dirname, 'tsconfig.json') },
  },
);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 + 15 : 1)));
