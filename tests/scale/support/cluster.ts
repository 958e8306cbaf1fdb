// Several Pressbox instances as an operator runs them: three production servers
// (tests/setup/next-server.ts startAppServer, i.e. scripts/server.ts) on one PostgreSQL database,
// telling each other about invalidations over Redis (REDIS_URL) and purging Varnish
// (HTTP_CACHE_PURGE=varnish, VARNISH_PURGE_URLS), with Varnish in front of all three, round-robin.
// Redis and Varnish are each optional here: a part that is missing is reported with its reason
// and the cases that need it are skipped (except a missing Varnish in CI, which is a failure).
import path from "node:path";
import { findFreePort } from "../../../scripts/process-group";
import { startAppServer, type RunningServer } from "../../setup/next-server";
import { startTestRedis, type TestRedis } from "../../support/redis-server";
import { SHIPPED_VCL, startVarnish, varnishMissing, type RunningVarnish } from "../../support/varnish";

export const INSTANCES = 3;
// lib/scheduler.ts's floor: every instance looks for due stories this often.
export const SCHEDULER_INTERVAL_SECONDS = 5;
const LOG_DIR = path.join("test-results", "scale");

export type Cluster = {
  instances: RunningServer[];
  redis: TestRedis | null;
  varnish: RunningVarnish | null;
  // Why a part is missing (null when it runs), for skip messages.
  missing: { redis: string | null; varnish: string | null };
  stop: () => Promise<void>;
};

type ClusterOptions = { databaseUrl: string; mediaDir: string; secret: string };

export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const foundRedis = await startTestRedis();
  const redis = foundRedis.url ? (foundRedis as TestRedis) : null;
  const missing = { redis: foundRedis.url ? null : (foundRedis as { reason: string }).reason, varnish: varnishMissing({ requiredInCi: true }) };
  console.log(`scale: Redis: ${redis ? redis.source : `none (${missing.redis}): the Redis cases are skipped`}`);
  // Chosen before the instances start, so each is told where to purge.
  const varnishPort = missing.varnish ? null : await findFreePort();
  const env: Record<string, string> = {
    DATABASE_URL: options.databaseUrl,
    MEDIA_DIR: options.mediaDir,
    AUTH_SECRET: options.secret,
    NEXTAUTH_SECRET: options.secret,
    SCHEDULER_INTERVAL_SECONDS: String(SCHEDULER_INTERVAL_SECONDS),
    ...(redis ? { REDIS_URL: redis.url } : {}),
    ...(varnishPort ? { HTTP_CACHE_PURGE: "varnish", VARNISH_PURGE_URLS: `http://127.0.0.1:${varnishPort}` } : {}),
  };
  const started = await Promise.allSettled(Array.from({ length: INSTANCES }, (_, index) => startAppServer(env, path.join(LOG_DIR, `instance-${index + 1}.log`))));
  const instances = started.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
  let varnish: RunningVarnish | null = null;
  const stop = async () => {
    await varnish?.stop();
    await Promise.all(instances.map((instance) => instance.stop()));
    await redis?.stop();
  };
  try {
    const failed = started.find((result) => result.status === "rejected");
    if (failed) throw failed.reason;
    if (varnishPort) {
      const backends = instances.map((instance) => ({ host: "127.0.0.1", port: Number(new URL(instance.baseUrl).port) }));
      varnish = await startVarnish({ backends, port: varnishPort, logFile: path.join(LOG_DIR, "varnish.log") });
    }
  } catch (error) {
    await stop();
    throw error;
  }
  console.log(`scale: Varnish: ${varnish ? `${varnish.url} with ${path.relative(process.cwd(), SHIPPED_VCL)}` : `none (${missing.varnish}): the Varnish cases are skipped`}`);
  console.log(`scale: instances at ${instances.map((instance) => instance.baseUrl).join(", ")} (logs in ${LOG_DIR})`);
  return { instances, redis, varnish, missing, stop };
}
