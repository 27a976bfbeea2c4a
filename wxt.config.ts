import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// Gecko id is fixed so Firefox keeps storage across reinstalls and tests can pin the extension's origin.
export const GECKO_ID = 'backstory@backstory.example';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifestVersion: 3,
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'Backstory',
    description: 'The context of the news article in front of you: who is who, who said what, and what came before. Analysed on your device.',
    permissions: ['storage', 'scripting', 'tabs'],
    host_permissions: ['<all_urls>'],
    action: { default_title: 'Backstory' },
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko_android: { strict_min_version: '142.0' },
        gecko: {
          id: GECKO_ID,
          // 140 is the first ESR that reads data_collection_permissions.
          strict_min_version: '140.0',
          // Nothing leaves the device unless the reader asks for a lookup.
          data_collection_permissions: { required: ['none'] },
        },
      },
    }),
  }),
});
