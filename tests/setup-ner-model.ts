// Node tests read the shipped name model from disk, as the CLI does (the extension's background fetches it).
import { loadNerModel } from '../cli/ner-model';

loadNerModel();
