import { defineConfig } from 'tsup'

// tsup only reads a default export (the one exception to the named-exports convention).
export default defineConfig({
  entry: { index: 'src/index.ts', client: 'src/client/index.ts' },
  format: ['esm'],
  target: 'es2022',
  platform: 'node',
  dts: true,
  sourcemap: true,
  clean: true,
})
