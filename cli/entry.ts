import './i18n';
import { main } from './main';
import { loadNerModel } from './ner-model';

loadNerModel();

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`backstory: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
