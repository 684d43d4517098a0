import { authorizeCron } from '@/lib/cron-auth';
import { errorResponse, jsonAnswer } from '@/lib/http';
import { isJobName } from '@/lib/jobs';
import { runJob } from '@/lib/jobs/schedule';

// The store's scheduled jobs (lib/jobs): Vercel Cron sends GET with `Authorization: Bearer $CRON_SECRET`
// (vercel.json lists them); `npm run reconcile` and an operator may POST the same.
async function handle(request: Request, { params }: { params: Promise<{ job: string }> }) {
  const { job } = await params;
  try {
    authorizeCron(request);
    if (!isJobName(job)) return jsonAnswer({ type: 'error', message: 'No such job.' }, { status: 404 });
    return jsonAnswer({ type: 'success', job, result: await runJob(job) });
  } catch (error) {
    return errorResponse(error, `/api/cron/${isJobName(job) ? job : '[job]'}`);
  }
}

export const GET = handle;
export const POST = handle;
