/**
 * `pnpm bench`: prints the benchmarks of imi-kit as ratios measured in one run. `BENCH_QUICK=1`
 * shrinks every size, for a check that the benchmarks still run.
 */
import { runBundleSize } from './bundle.js'
import { runHttpBenchmark } from './http.js'
import { runLifecycles } from './request-lifecycle.js'
import { runRetentionSweep } from './retention-sweep.js'
import { runStorageBenchmarks } from './storage-append.js'

const quick = process.env.BENCH_QUICK === '1'
const lifecycles = Number(process.env.BENCH_LIFECYCLES ?? (quick ? 200 : 2000))
// A first, smaller run warms the JIT so that the measured one reflects steady state.
await runLifecycles(Math.max(50, Math.floor(lifecycles / 10)))
const f = await runLifecycles(lifecycles)
console.log('request lifecycle in memory (create, send, accept, message, reply, close)')
console.log(`  lifecycles                 ${f.lifecycles}`)
console.log(`  commands                   ${f.commands} in ${f.seconds.toFixed(2)} s`)
console.log(`  commands per second        ${f.commandsPerSecond.toFixed(0)}`)
console.log(`  decide+evolve / service    ${(f.coreShare * 100).toFixed(1)} % (the rest: command codecs, loading, storage, summaries, notifications)`)

await runStorageBenchmarks({
  appends: Number(process.env.BENCH_APPENDS ?? (quick ? 100 : 2000)),
  lifecycles: Number(process.env.BENCH_STORAGE_LIFECYCLES ?? (quick ? 10 : 200)),
  postgres: process.env.BENCH_POSTGRES !== '0',
  log: (line) => console.log(line),
})

if (process.env.BENCH_POSTGRES !== '0') {
  const sizes = (process.env.BENCH_SWEEP_SIZES ?? (quick ? '10000,100000' : '100000,1000000')).split(',').map((s) => Number(s.trim()))
  if (sizes.some((n) => !Number.isInteger(n) || n < 1 || n > 9_999_999)) throw new RangeError(`BENCH_SWEEP_SIZES: not a list of sizes: ${process.env.BENCH_SWEEP_SIZES}`)
  await runRetentionSweep({ sizes, log: (line) => console.log(line) })
}

await runHttpBenchmark({
  lifecycles: Number(process.env.BENCH_HTTP_LIFECYCLES ?? (quick ? 100 : 1000)),
  log: (line) => console.log(line),
})

await runBundleSize((line) => console.log(line))
