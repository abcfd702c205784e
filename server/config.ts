import * as v from 'valibot';

const EnvSchema = v.object({
  PORT: v.optional(v.pipe(v.string(), v.regex(/^\d{1,5}$/, 'PORT måste vara ett portnummer.'), v.transform(Number)), '8080'),
  HOST: v.optional(v.string(), '0.0.0.0'),
  DATA_DIR: v.optional(v.pipe(v.string(), v.minLength(1)), './data'),
  DATABASE_URL: v.optional(v.pipe(v.string(), v.regex(/^postgres(ql)?:\/\//, 'DATABASE_URL måste börja med postgres:// eller postgresql://.'))),
  DEMO_DATA: v.optional(v.picklist(['0', '1'], 'DEMO_DATA måste vara 0 eller 1.'), '0'),
  CLIENT_DIR: v.optional(v.string(), './dist'),
  TRUST_PROXY: v.optional(v.picklist(['0', '1'], 'TRUST_PROXY måste vara 0 eller 1.'), '0'),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  demoData: boolean;
  clientDir: string;
  /** Whether a proxy in front of the app says who the client is (X-Forwarded-*, Forwarded). */
  trustProxy: boolean;
}

/** Reads the environment once, at start; a wrong value stops the server with a message saying which. */
export function readConfig(env: NodeJS.ProcessEnv): Config {
  const result = v.safeParse(EnvSchema, env);
  if (!result.success) {
    const lines = result.issues.map((issue) => `  ${issue.path?.map((p) => String(p.key)).join('.') ?? ''}: ${issue.message}`);
    throw new Error(`Felaktig miljö:\n${lines.join('\n')}`);
  }
  const e = result.output;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL ?? null,
    demoData: e.DEMO_DATA === '1',
    clientDir: e.CLIENT_DIR,
    trustProxy: e.TRUST_PROXY === '1',
  };
}
