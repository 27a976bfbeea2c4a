import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [preact()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/*.test.ts'],
          environment: 'node',
          setupFiles: ['tests/setup-ner-model.ts', 'tests/setup-i18n.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'fuzz',
          include: ['tests/fuzz/*.test.ts'],
          environment: 'node',
          testTimeout: 600_000,
          setupFiles: ['tests/setup-ner-model.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          include: ['tests/unit/adapters/**/*.test.{ts,tsx}', 'tests/components/**/*.test.tsx'],
          environment: 'happy-dom',
          setupFiles: ['tests/setup-ner-model.ts', 'tests/setup-i18n.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 90_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
