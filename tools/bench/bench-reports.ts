// Entry point of `npm run bench:reports`. The benchmark itself (reports-main.ts) is compiled with tools/bench/tsconfig.json,
// which turns off importHelpers (the workspace's tsconfig asks for @swc/helpers, which is not installed), so this
// file only re-runs Node with that project and passes the arguments and the exit code through. It deliberately
// uses nothing that would need a helper itself (no default or namespace imports).
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const child = spawn(
  process.execPath,
  ['-r', '@swc-node/register', join(__dirname, 'reports-main.ts'), ...process.argv.slice(2)],
  {
    stdio: 'inherit',
    env: { ...process.env, SWC_NODE_PROJECT: join(__dirname, 'tsconfig.json') },
  },
);
// Ctrl-C reaches both processes; the child stops the API it started, so this one just waits for it.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 + 15 : 1)));
