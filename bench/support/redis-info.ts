// One section of Redis's INFO as name → value, for the benchmarks' CPU and memory figures.
export async function redisInfo(redis: { info(section: string): Promise<string> }, section: string): Promise<Map<string, string>> {
  const text = await redis.info(section);
  return new Map(
    text
      .split('\r\n')
      .filter((l) => l.includes(':'))
      .map((l) => l.split(':', 2) as [string, string]),
  );
}
