// The app under test: the `summit` binary on a free port, a fresh SQLite file and outbox.
import { spawn, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO = resolve(import.meta.dirname, '..', '..');

export function summitBinary() {
  if (process.env.SUMMIT_BIN) return resolve(process.env.SUMMIT_BIN);
  const target = process.env.CARGO_TARGET_DIR || join(REPO, 'target');
  return join(resolve(REPO, target), 'debug', 'summit');
}

function freePort() {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Starts the app. `demo: false` starts from an empty database (no seed events); `env` adds
 * settings (such as STRIPE_SECRET_KEY) for this instance only. */
export async function startApp({ demo = true, env: extra = {} } = {}) {
  const bin = summitBinary();
  if (!existsSync(bin)) {
    throw new Error(`no summit binary at ${bin}: run \`cargo build\` (or set SUMMIT_BIN / CARGO_TARGET_DIR)`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'summit-browser-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    DATABASE_URL: `sqlite://${join(dir, 'summit.db')}`,
    OUTBOX_DIR: join(dir, 'outbox'),
    PUBLIC_URL: base,
    ROCKET_ADDRESS: '127.0.0.1',
    ROCKET_PORT: String(port),
    ROCKET_SECRET_KEY: randomBytes(32).toString('base64'),
    RUST_LOG: process.env.RUST_LOG || 'warn',
    ROCKET_LOG_LEVEL: process.env.ROCKET_LOG_LEVEL || 'off',
    ...extra,
  };
  delete env.SMTP_URL;
  // Templates and CSS are read relative to the working directory.
  const child = spawn(bin, demo ? ['serve', '--demo'] : ['serve'], { cwd: REPO, env, stdio: ['ignore', 'inherit', 'inherit'] });
  let exited = null;
  child.on('exit', (code) => { exited = code ?? 'signal'; });
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited !== null) throw new Error(`${bin} exited (${exited}) before answering`);
    try {
      if ((await fetch(`${base}/`)).ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) throw new Error(`${bin} did not answer on ${base} within 60 s`);
    await sleep(200);
  }
  return {
    base,
    dir,
    outbox: env.OUTBOX_DIR,
    /** Runs a CLI subcommand on the same database; returns its standard output. */
    cli(...args) {
      return execFileSync(bin, args, { cwd: REPO, env, encoding: 'utf8' });
    },
    async stop() {
      if (exited === null) {
        child.kill('SIGTERM');
        for (let i = 0; i < 50 && exited === null; i++) await sleep(100);
        if (exited === null) child.kill('SIGKILL');
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The one-time set-up path printed by `summit user add`. */
export function addUser(app, email, role, event) {
  const args = ['user', 'add', '--email', email, '--role', role];
  if (event) args.push('--event', event);
  const out = app.cli(...args);
  const m = out.match(/\/setup\/[A-Za-z0-9_-]+/);
  if (!m) throw new Error(`no set-up link in: ${out}`);
  return m[0];
}

/** Undoes quoted-printable soft breaks and escapes, enough to read links in a message. */
function unquote(text) {
  return text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16)));
}

/** Waits for an .eml addressed to `email` and returns the personal `/r/TOKEN` path it carries. */
export async function personalLink(app, email, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  const link = new RegExp(`${app.base.replace(/[.]/g, '\\.')}(/r/[A-Za-z0-9_-]+)`);
  while (Date.now() < deadline) {
    let files = [];
    try { files = readdirSync(app.outbox).filter((f) => f.endsWith('.eml')); } catch { /* not yet */ }
    for (const f of files) {
      const text = unquote(readFileSync(join(app.outbox, f), 'utf8'));
      if (!text.includes(email)) continue;
      const m = text.match(link);
      if (m) return m[1];
    }
    await sleep(250);
  }
  throw new Error(`no e-mail with a personal link for ${email} in ${app.outbox} after ${timeoutMs} ms`);
}
