import { spawn, type ChildProcess } from 'node:child_process';
import { freePort, type ServerDatabase } from '../fixtures/serverDatabase.ts';

function withoutDatabaseUrl(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { DATABASE_URL: _ignored, ...rest } = env;
  return rest;
}

/**
 * The real server (`server/index.ts`) as its own process, as production runs it, on a fixed port that
 * it keeps across restarts so clients need not be told. `kill` is a crash (SIGKILL: no shutdown code
 * runs), `stop` a clean shutdown.
 */
export class ChildServer {
  private child: ChildProcess | null = null;
  private output: string[] = [];
  /** How many times the process was started. */
  starts = 0;

  private constructor(
    readonly database: ServerDatabase,
    readonly port: number,
    private readonly extraEnv: Record<string, string>,
  ) {}

  static async start(database: ServerDatabase, { demo = false, env = {} }: { demo?: boolean; env?: Record<string, string> } = {}): Promise<ChildServer> {
    const server = new ChildServer(database, await freePort(), { DEMO_DATA: demo ? '1' : '0', ...env });
    await server.start();
    return server;
  }

  get baseURL(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  async start(timeoutMs = 60_000): Promise<void> {
    if (this.running) throw new Error('the server is already running');
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
      // No CLIENT_DIR unless given: these servers answer the API only. The database is this one only.
      env: { ...withoutDatabaseUrl(process.env), CLIENT_DIR: '', ...this.database.env, ...this.extraEnv, PORT: String(this.port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer) => {
      this.output.push(...chunk.toString().split('\n').filter(Boolean));
      if (this.output.length > 200) this.output.splice(0, this.output.length - 200);
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    this.child = child;
    this.starts++;
    const started = Date.now();
    for (;;) {
      if (!this.running) throw new Error(`the server exited while starting:\n${this.lastOutput()}`);
      const healthy = await fetch(`${this.baseURL}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (healthy) return;
      if (Date.now() - started > timeoutMs) throw new Error(`the server did not start within ${timeoutMs} ms:\n${this.lastOutput()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** A crash: SIGKILL, and wait until the process is gone. */
  async kill(): Promise<void> {
    await this.signal('SIGKILL');
  }

  /** A clean shutdown (SIGTERM: the server closes its database). */
  async stop(): Promise<void> {
    await this.signal('SIGTERM');
  }

  async restart(): Promise<void> {
    await this.kill();
    await this.start();
  }

  lastOutput(lines = 30): string {
    return this.output.slice(-lines).join('\n');
  }

  private async signal(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await exited;
  }
}
