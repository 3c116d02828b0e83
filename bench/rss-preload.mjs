// Preloaded into a measured halo-sync process when /usr/bin/time is missing: writes the process's
// peak RSS (kilobytes, process.resourceUsage().maxRSS) to HALO_SYNC_BENCH_RSS_FILE at exit.
import { writeFileSync } from 'node:fs';

const file = process.env.HALO_SYNC_BENCH_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
