import { defineConfig } from 'tsup'

// tsup only reads a default export (the one exception to the named-exports convention).
export default defineConfig({
  entry: { index: 'src/index.ts', 'testing/index': 'src/testing/index.ts' },
  format: ['esm'],
  target: 'es2022',
  // The core runs in browsers and Node alike.
  platform: 'neutral',
  dts: true,
  sourcemap: true,
  clean: true,
})
