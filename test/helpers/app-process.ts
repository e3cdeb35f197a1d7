// Real app processes for tests: `src/main.ts` as a child process (or, asked, `bin/start.js`, as
// `npm start` runs the compiled server) on a free port, ready when /readyz answers; and a
// cookie-keeping HTTP client for talking to them.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

export interface AppProcess {
  url: string;
  port: number;
  child: ChildProcess;
  /** Everything it printed (for a failing assertion's message). */
  output: () => string;
  stop: () => Promise<void>;
}

/** A port nothing listens on now (the OS picks it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export async function startAppProcess(
  env: Record<string, string>,
  opts: {
    readyWithinMs?: number;
    /** `bin/start.js` (what `npm start` runs: the compiled dist/) instead of the sources. */
    compiled?: boolean;
  } = {},
): Promise<AppProcess> {
  const port = env.PORT ? Number(env.PORT) : await freePort();
  let out = '';
  const args = opts.compiled ? ['bin/start.js'] : ['--import', 'tsx', 'src/main.ts'];
  const child = spawn(process.execPath, args, {
    env: { ...process.env, DEMO: 'off', LOG_LEVEL: 'warn', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const proc: AppProcess = {
    url,
    port,
    child,
    output: () => out,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 15_000).unref();
      }),
  };
  const deadline = Date.now() + (opts.readyWithinMs ?? 120_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`app process exited (${child.exitCode}): ${out}`);
    try {
      if ((await fetch(`${url}/readyz`)).ok) return proc;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      await proc.stop();
      throw new Error(`app process not ready: ${out}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** A browser without JavaScript over real HTTP: keeps cookies, follows no redirect. */
export function httpClient(fetchImpl: typeof fetch = fetch) {
  const jar = new Map<string, string>();
  const setCookies: string[] = [];
  async function send(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (jar.size) headers.set('cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await fetchImpl(url, { ...init, headers, redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) {
      setCookies.push(line);
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (value === '' || /max-age=0/i.test(line)) jar.delete(name);
      else jar.set(name, value);
    }
    return res;
  }
  return {
    jar,
    /** Every Set-Cookie line received, in order. */
    setCookies,
    get: (url: string) => send(url),
    /** Posts a form; `_csrf` is taken from the last page fetched unless given. */
    postForm: (url: string, fields: Record<string, string>) =>
      send(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields).toString(),
      }),
    send,
  };
}

/** The `_csrf` value of the first form on a page. */
export function csrfFieldOf(html: string): string {
  const m = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!m) throw new Error('no _csrf field on the page');
  return m[1]!;
}

/** Signs in through the sign-in form as a person would; returns the 303's Location. */
export async function signInOver(
  client: ReturnType<typeof httpClient>,
  base: string,
  email: string,
  password: string,
): Promise<Response> {
  const page = await client.get(`${base}/sign-in`);
  const csrf = csrfFieldOf(await page.text());
  return client.postForm(`${base}/sign-in`, { email, password, _csrf: csrf, next: '/account' });
}
