// Loaded with `node --import` by the benchmark: records the scan process's resource usage at exit.
import { writeFileSync } from 'node:fs';

const file = process.env.SOC2_BENCH_RUSAGE;
if (file) process.on('exit', () => writeFileSync(file, JSON.stringify(process.resourceUsage())));
