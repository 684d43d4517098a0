// Runs once when the Next.js server starts: a bad environment fails here, with one message, not on a buyer's request.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { parseEnv } = await import('@/lib/env-schema');
    parseEnv(process.env);
  }
}
